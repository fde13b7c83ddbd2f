import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli, type ClaudeAgentOptions } from '@agentsdk/core';
import { offlineEnvironment, type ModelServer, type ModelTurn } from '@agentsdk/testing';
import { afterEach, expect } from 'vitest';

/** The pinned real CLI, found the way users' installs find it (this package's node_modules). */
export const cli = discoverCli({ cwd: dirname(fileURLToPath(import.meta.url)) });

export interface E2E {
  server: ModelServer;
  /** Private HOME / TMPDIR / project dir of this test. */
  home: string;
  tmp: string;
  cwd: string;
  /** Options that point the real CLI at the scripted server, offline, in this test's dirs. */
  options(extra?: ClaudeAgentOptions): ClaudeAgentOptions;
}

const open: Array<() => Promise<void>> = [];

/** A scripted model server plus private dirs; torn down after the test, with a child-process check. */
export async function e2e(
  turns: ModelTurn[] = [],
  extra: { subagentScript?: ModelTurn[] } = {},
): Promise<E2E> {
  // The public offline mode: scripted model, private HOME and TMPDIR (one copy of that set-up).
  const offline = await offlineEnvironment({ script: turns, ...extra });
  const cwd = offline.workspace('project');
  open.push(() => offline.close());
  return {
    server: offline.server,
    home: offline.home,
    tmp: offline.tmp,
    cwd,
    options: (extra = {}) => ({
      cliPath: cli.path,
      cwd,
      ...extra,
      env: { ...offline.env, ...extra.env },
    }),
  };
}

/** Child processes of this test process that are still alive. */
export function liveChildren(): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    return []; // ps exits 1 when there are none
  }
  return out
    .split('\n')
    .filter((line) => line.trim() && !/\bps -o\b/.test(line))
    .map((line) => Number.parseInt(line.trim(), 10));
}

afterEach(async () => {
  const survivors = liveChildren();
  // Kill them anyway, so one leaking test does not take the next ones down with it.
  for (const pid of survivors) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const close of open.splice(0).reverse()) await close();
  expect(survivors, 'a CLI process outlived its test').toEqual([]);
});
