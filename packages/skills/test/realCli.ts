import { discoverCli, type CliCommand } from '@agentsdk/core';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The pinned real CLI: `$CLAUDE_CLI_PATH`, else the one the e2e package installs. `undefined` when
 * neither exists (the CLI tests then skip locally and fail in CI).
 */
export function findRealCli(): CliCommand | undefined {
  try {
    return discoverCli({ cwd: join(repoRoot, 'e2e') });
  } catch {
    return undefined;
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI with its own HOME and TMPDIR (removed afterwards); killed after `timeoutMs`. */
export async function runCli(
  cli: CliCommand,
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const home = await mkdtemp(join(tmpdir(), 'skills-cli-home-'));
  try {
    return await new Promise<CliRun>((resolve) => {
      execFile(
        cli.command,
        [...cli.prefixArgs, ...args],
        {
          cwd: options.cwd ?? home,
          env: { ...cleanEnv(), HOME: home, TMPDIR: home, ...options.env },
          timeout: options.timeoutMs ?? 30_000,
          killSignal: 'SIGKILL',
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !key.startsWith('CLAUDE') && !key.startsWith('ANTHROPIC'))
      env[key] = value;
  return env;
}

/** Run `items` through `fn`, `limit` at a time, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The `system/init` message of a print-mode session, read before any model call; the CLI is then killed. */
export async function initMessage(
  cli: CliCommand,
  args: string[],
  options: { cwd: string; home: string; timeoutMs?: number },
): Promise<Record<string, unknown>> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    cli.command,
    [
      ...cli.prefixArgs,
      '-p',
      'hi',
      '--output-format',
      'stream-json',
      '--verbose',
      '--max-turns',
      '1',
      ...args,
    ],
    {
      cwd: options.cwd,
      // No model is reachable: the session reports init, then retries the API until killed.
      env: {
        ...cleanEnv(),
        HOME: options.home,
        TMPDIR: options.home,
        ANTHROPIC_API_KEY: 'sk-ant-test',
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    return await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no init message within ${options.timeoutMs ?? 30_000} ms; stderr: ${stderr}`,
            ),
          ),
        options.timeoutMs ?? 30_000,
      );
      let buffer = '';
      let stderr = '';
      child.stderr.on(
        'data',
        (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)),
      );
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 1);
          try {
            const message = JSON.parse(line) as Record<string, unknown>;
            if (message.type === 'system' && message.subtype === 'init') {
              clearTimeout(timer);
              resolve(message);
            }
          } catch {
            // not JSON: ignore
          }
        }
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`CLI exited (${code}) before init; stderr: ${stderr}`));
      });
    });
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
