import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { offlineEnvironment, type OfflineEnvironment } from '@agentsdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { findOwned, isAlive, ownerMarker } from '../src/lifecycle/orphans.js';
import { startPlatform } from '../src/server.js';
import { api, liveChildren, realCli, realCliEnv, SECRET, spawnPlatform } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  expect(liveChildren(), 'a server or CLI process outlived the test').toEqual([]);
});

interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** `src/main.ts` as its own process (so it can be SIGKILLed); resolves once it is listening. */
async function startServer(
  dataDir: string,
  offline: OfflineEnvironment,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const started = await spawnPlatform({
    ...(realCliEnv(offline) as Record<string, string>),
    PLATFORM_JWT_SECRET: SECRET,
    PLATFORM_DATA_DIR: dataDir,
    CLAUDE_CLI_PATH: realCli.path,
    PLATFORM_SHUTDOWN_GRACE_MS: '300',
    ...env,
  });
  const { child, exited } = started;
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return started;
}

/** The server's watchdog process (`src/lifecycle/watchdog.ts`). */
function watchdogOf(server: ChildProcess): number {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.pid)], {
      encoding: 'utf8',
    });
  } catch {
    // ps exits 1 when the server has no child at all.
  }
  const line = out.split('\n').find((l) => l.includes('watchdog.ts'));
  if (!line) throw new Error(`no watchdog among the server's children:\n${out}`);
  return Number.parseInt(line.trim(), 10);
}

describe('crash safety', () => {
  it('no sandboxed CLI outlives a SIGKILLed server, at once and without a watchdog; the session resumes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const offline = await offlineEnvironment({
      script: [
        { content: [{ type: 'text', text: 'Remembered: 7.' }] },
        { content: [{ type: 'text', text: 'A turn the crash cuts short.' }], stall_after_chars: 5 },
        { content: [{ type: 'text', text: 'The number was 7.' }] },
      ],
    });
    const model = offline.server;
    cleanups.push(() => offline.close());
    const marker = ownerMarker(resolve(dataDir));
    cleanups.push(() => {
      for (const pid of findOwned(marker)) process.kill(pid, 'SIGKILL');
    });
    const token = await signToken(SECRET, { userId: 'ada', tenantId: 'acme', tier: 'pro' });

    const first = await startServer(dataDir, offline);
    expect(() => watchdogOf(first.child)).toThrow(/no watchdog/);
    const { body: session } = await api(first.url, token, 'POST', '/api/sessions', {});
    const turn1 = await api(first.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Remember 7.',
    });
    expect(turn1.body).toMatchObject({ isError: false, result: 'Remembered: 7.' });
    const inFlight = api(first.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Tell me a long story.',
    }).catch((error: unknown) => error);
    await model.waitForStall();
    const sandbox = findOwned(marker);
    expect(sandbox.length).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await inFlight).toBeInstanceOf(Error); // the connection died with the server
    // The kernel ends the sandbox's PID namespace with the server: nothing is left to reap.
    await expect.poll(() => !sandbox.some(isAlive), { timeout: 15000 }).toBe(true);

    const second = await startServer(dataDir, offline);
    const after = await api(second.url, token, 'GET', `/api/sessions/${session.id}`);
    expect(after.body).toMatchObject({ state: 'paused', turns: 1 });
    const turn3 = await api(second.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Which number?',
    });
    expect(turn3.body).toMatchObject({ isError: false, result: 'The number was 7.' });
    expect(JSON.stringify(model.lastMainRequest()?.body)).toContain('Remember 7.');
    // Spend as the proxy recorded it: both finished turns (and any side request), once.
    const usage = await api(second.url, token, 'GET', '/api/usage');
    const record = await api(second.url, token, 'GET', `/api/sessions/${session.id}`);
    expect(usage.body.user.month.costUsd).toBeCloseTo(record.body.costUsd, 10);
    expect(usage.body.user.month.costUsd).toBeGreaterThanOrEqual(
      turn1.body.costUsd + turn3.body.costUsd,
    );
  });

  it('without a sandbox, the watchdog or the next start kills the CLIs of a SIGKILLed server', async () => {
    const unsafe = { PLATFORM_SANDBOX: 'unsafe-none' };
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const offline = await offlineEnvironment({
      script: [
        { content: [{ type: 'text', text: 'A turn the crash cuts short.' }], stall_after_chars: 5 },
        { content: [{ type: 'text', text: 'Cut short again.' }], stall_after_chars: 5 },
      ],
    });
    const model = offline.server;
    cleanups.push(() => offline.close());
    const marker = ownerMarker(resolve(dataDir));
    cleanups.push(() => {
      for (const pid of findOwned(marker)) process.kill(pid, 'SIGKILL');
    });
    const token = await signToken(SECRET, { userId: 'ada', tenantId: 'acme', tier: 'pro' });

    const first = await startServer(dataDir, offline, unsafe);
    const { body: session } = await api(first.url, token, 'POST', '/api/sessions', {});
    const inFlight = api(first.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Tell me a long story.',
    }).catch((error: unknown) => error);
    await model.waitForStall();
    const orphans = findOwned(marker);
    expect(orphans.length).toBeGreaterThan(0);
    // Watchdog and server both die at once (a SIGKILLed container, an OOM kill of both): the
    // CLIs stay behind until the next start.
    process.kill(watchdogOf(first.child), 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await inFlight).toBeInstanceOf(Error);
    expect(orphans.filter(isAlive)).toEqual(orphans);

    const second = await startServer(dataDir, offline, unsafe);
    expect(orphans.filter(isAlive)).toEqual([]);
    expect(findOwned(marker)).toEqual([]);

    // The server alone SIGKILLed mid-turn: its watchdog kills its CLIs at once, no restart needed.
    const stalled = api(second.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Another long story.',
    }).catch((error: unknown) => error);
    await model.waitForStall({ count: 2 });
    const clis = findOwned(marker);
    expect(clis.length).toBeGreaterThan(0);
    second.child.kill('SIGKILL');
    await second.exited;
    expect(await stalled).toBeInstanceOf(Error);
    await expect.poll(() => !clis.some(isAlive), { timeout: 15000 }).toBe(true);
    await expect.poll(() => findOwned(marker).length === 0, { timeout: 15000 }).toBe(true);
  });

  it('refuses to start on a data directory a live process holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-lock-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // Any live process of another pid stands in for a running server.
    const holder = spawn('sleep', ['600'], { stdio: 'ignore' });
    await once(holder, 'spawn');
    cleanups.push(async () => {
      holder.kill('SIGKILL');
      await once(holder, 'exit').catch(() => undefined);
    });
    writeFileSync(join(dataDir, 'platform.pid'), JSON.stringify({ pid: holder.pid }));
    await expect(startPlatform({ jwtSecret: SECRET, dataDir, port: 0 })).rejects.toThrow(
      `Another platform process (pid ${holder.pid}) uses ${dataDir}`,
    );
  });
});
