import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineEnvironment, type ModelServer, type OfflineEnvironment } from '@agentsdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { api, liveChildren, realCli, realCliEnv, SECRET, spawnPlatform } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  expect(liveChildren(), 'a server or CLI process outlived the test').toEqual([]);
});

/** Start `src/main.ts` as a real server process; resolves with its URL from the `listening` line. */
const modelRequests = (model: ModelServer) =>
  model.requests.filter((r) => ['main', 'side', 'subagent'].includes(r.kind)).length;

async function startServer(
  dataDir: string,
  offline: OfflineEnvironment,
): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const started = await spawnPlatform({
    ...(realCliEnv(offline) as Record<string, string>),
    PLATFORM_JWT_SECRET: SECRET,
    PLATFORM_DATA_DIR: dataDir,
    CLAUDE_CLI_PATH: realCli.path,
    PLATFORM_SHUTDOWN_GRACE_MS: '300',
    PLATFORM_CLI_ENV: JSON.stringify({ CLAUDE_CODE_MAX_RETRIES: '0' }),
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

describe('restart', () => {
  it('SIGTERM mid-turn pauses the session, persists it, and it resumes after a restart with usage intact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-restart-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const offline = await offlineEnvironment({
      script: [
        { content: [{ type: 'text', text: 'Remembered: 42.' }] },
        {
          content: [{ type: 'text', text: 'A long answer that the shutdown cuts short.' }],
          stall_after_chars: 5,
        },
        { content: [{ type: 'text', text: 'The number was 42.' }] },
      ],
    });
    const model = offline.server;
    cleanups.push(() => offline.close());
    const token = await signToken(SECRET, { userId: 'ada', tenantId: 'acme', tier: 'pro' });

    const first = await startServer(dataDir, offline);
    const { body: session } = await api(first.url, token, 'POST', '/api/sessions', {});
    const turn1 = await api(first.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Remember 42.',
    });
    expect(turn1.body).toMatchObject({ isError: false, result: 'Remembered: 42.' });

    const inFlight = api(first.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Tell me a long story.',
    });
    await model.waitForStall();
    first.child.kill('SIGTERM');
    const interrupted = await inFlight;
    expect(interrupted.status).toBe(200);
    expect(interrupted.body.interrupted).toBe(true);
    expect(await first.exited).toBe(0);

    const second = await startServer(dataDir, offline);
    const afterRestart = await api(second.url, token, 'GET', `/api/sessions/${session.id}`);
    expect(afterRestart.body).toMatchObject({ state: 'paused', turns: 2 });
    const usageBefore = await api(second.url, token, 'GET', '/api/usage');
    // One record per model request, the cut-short one included (its input is billed).
    expect(usageBefore.body.user.month.records).toBe(modelRequests(model));
    expect(usageBefore.body.user.month.costUsd).toBeCloseTo(afterRestart.body.costUsd, 10);
    expect(usageBefore.body.user.month.costUsd).toBeGreaterThanOrEqual(turn1.body.costUsd);

    const resumed = await api(second.url, token, 'POST', `/api/sessions/${session.id}/resume`);
    expect(resumed.body, JSON.stringify(resumed.body)).toMatchObject({ state: 'active' });
    const turn3 = await api(second.url, token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Which number?',
    });
    expect(turn3.body).toMatchObject({ isError: false, result: 'The number was 42.' });
    expect(JSON.stringify(model.lastMainRequest()?.body)).toContain('Remember 42.');
    const usageAfter = await api(second.url, token, 'GET', '/api/usage');
    expect(usageAfter.body.user.month.records).toBe(modelRequests(model));
    expect(usageAfter.body.user.month.costUsd).toBeCloseTo(
      usageBefore.body.user.month.costUsd + turn3.body.costUsd,
      10,
    );

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
