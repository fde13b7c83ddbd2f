import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchMeta } from './Results.js';

function packageVersion(specifier: string): string {
  try {
    const entry = fileURLToPath(import.meta.resolve(specifier));
    let dir = dirname(entry);
    for (let i = 0; i < 5; i++, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === specifier) return pkg.version ?? '?';
      } catch {
        // not this directory
      }
    }
  } catch {
    // not installed
  }
  return '?';
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Where and with what the numbers were taken. */
export function machineMeta(): Omit<
  BenchMeta,
  'quick' | 'runs' | 'warmup' | 'durationS' | 'loadAverage'
> {
  const commit = gitCommit();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${osType()} ${release()} ${process.arch}`,
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    versions: {
      '@agentsdk/core': packageVersion('@agentsdk/core'),
      '@agentsdk/tools': packageVersion('@agentsdk/tools'),
      '@anthropic-ai/claude-agent-sdk': packageVersion('@anthropic-ai/claude-agent-sdk'),
    },
    ...(commit ? { gitCommit: commit } : {}),
  };
}

export function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}
