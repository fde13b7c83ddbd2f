import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessError } from '../src/errors/ProcessError.js';
import type { SDKMessage } from '../src/messages/SDKMessage.js';
import type { ClaudeAgentOptions, SDKWarning } from '../src/options/ClaudeAgentOptions.js';
import { query } from '../src/query/query.js';

// How a session ends when the CLI process misbehaves at the end: each case runs the fake CLI
// through the real subprocess transport and must neither hang nor leave a process behind.
const fakeCli = fileURLToPath(new URL('./fixtures/fake-cli.mjs', import.meta.url));
const hostScript = fileURLToPath(new URL('./fixtures/host-exit.mjs', import.meta.url));

const strays: number[] = [];
afterEach(() => {
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

function options(mode: string, extra: ClaudeAgentOptions = {}): ClaudeAgentOptions {
  return { cliPath: fakeCli, env: { FAKE_CLI_MODE: mode }, ...extra };
}

/** Alive and not a zombie (a container's init may never reap an orphan). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Waits for a process we do not own (no exit event to wait on): bounded polling. */
async function waitDead(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isAlive(pid);
}

describe('process endings', () => {
  it('stops a CLI that ignores EOF after the final result, and the iterator ends', async () => {
    const warnings: SDKWarning[] = [];
    const q = query({
      prompt: 'x',
      options: options('linger', { shutdownGraceMs: 100, onWarning: (w) => warnings.push(w) }),
    });
    const pid = (await q.getServerInfo()).pid as number;
    const messages: SDKMessage[] = [];
    for await (const m of q) messages.push(m);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: 'echo: x' });
    expect(isAlive(pid)).toBe(false);
    expect(warnings.map((w) => w.code)).toEqual(['CLI_STOPPED']);
    expect(warnings[0]?.message).toContain('SIGTERM');
  });

  it('escalates to SIGKILL when the lingering CLI also ignores SIGTERM', async () => {
    const warnings: SDKWarning[] = [];
    const q = query({
      prompt: 'x',
      options: options('stubborn', {
        shutdownGraceMs: 50,
        killGraceMs: 100,
        onWarning: (w) => warnings.push(w),
      }),
    });
    const pid = (await q.getServerInfo()).pid as number;
    const messages: SDKMessage[] = [];
    for await (const m of q) messages.push(m);
    expect(messages.at(-1)).toMatchObject({ type: 'result' });
    expect(isAlive(pid)).toBe(false);
    expect(warnings[0]?.message).toContain('SIGKILL');
  });

  it('takes the end from the CLI exit while a grandchild still holds stdout', async () => {
    const messages: SDKMessage[] = [];
    const started = Date.now();
    const error = await (async () => {
      for await (const m of query({ prompt: 'x', options: options('grandchild-exit') })) {
        messages.push(m);
        const pid = (m as { pid?: unknown }).pid;
        if (typeof pid === 'number') strays.push(pid);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).exitCode).toBe(5);
    expect((error as ProcessError).stderr).toContain('exiting with a grandchild');
    // The grandchild lives 60 s; the default pipe grace is 1 s.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(strays).toHaveLength(1);
  });

  it('ends the session with a typed error when the CLI closes stdout but stays alive', async () => {
    const q = query({ prompt: 'x', options: options('close-stdout', { pipeGraceMs: 100 }) });
    const pid = (await q.getServerInfo()).pid as number;
    const error = await (async () => {
      for await (const _ of q) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as Error).message).toContain('closed its stdout');
    expect(isAlive(pid)).toBe(false);
  });

  it('reports a corrupt line after the final result as a warning', async () => {
    const warnings: SDKWarning[] = [];
    const messages: SDKMessage[] = [];
    for await (const m of query({
      prompt: 'x',
      options: options('corrupt-after-result', { onWarning: (w) => warnings.push(w) }),
    }))
      messages.push(m);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: 'echo: x' });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'STDOUT_AFTER_RESULT',
        message: expect.stringContaining('broken'),
      }),
    ]);
  });

  it('kills the CLI synchronously when the host calls process.exit()', async () => {
    // Runs the built package (as a user's program would).
    const { stdout } = await promisify(execFile)(process.execPath, [
      hostScript,
      fakeCli,
      'stubborn',
    ]);
    const pid = Number(stdout.trim());
    strays.push(pid);
    expect(pid).toBeGreaterThan(0);
    expect(await waitDead(pid)).toBe(true);
  }, 30_000);
});
