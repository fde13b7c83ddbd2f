import { execFile } from 'node:child_process';
import type { CliCommand } from './discoverCli.js';

/**
 * Oldest CLI this SDK supports (the stream-json control protocol with `initialize`); older ones
 * get a warning naming it, never a refusal.
 */
export const MIN_CLI_VERSION = '2.0.0';

/**
 * The CLI this release is tested against end to end (CI pins it). Newer CLIs are expected to
 * work (2.1.332 was checked); features newer than a given CLI degrade as that CLI does.
 */
export const TESTED_CLI_VERSION = '2.1.331';

const cache = new Map<string, Promise<string | undefined>>();

/** The CLI's version: from its package.json when known, else `claude --version` (cached per path). */
export function cliVersion(cli: CliCommand, timeoutMs = 10_000): Promise<string | undefined> {
  if (cli.packageVersion !== undefined) return Promise.resolve(cli.packageVersion);
  let pending = cache.get(cli.path);
  if (!pending) {
    pending = new Promise((resolvePromise) => {
      execFile(
        cli.command,
        [...cli.prefixArgs, '--version'],
        { timeout: timeoutMs },
        (error, stdout) => {
          resolvePromise(error ? undefined : /\d+\.\d+\.\d+/.exec(stdout)?.[0]);
        },
      );
    });
    cache.set(cli.path, pending);
  }
  return pending;
}

/** -1, 0 or 1, comparing dotted numeric versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
