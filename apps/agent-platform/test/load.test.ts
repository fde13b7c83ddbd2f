import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  liveChildren,
  openStream,
  operatorGet,
  testPlatform,
  type TestPlatform,
} from './helpers.js';

const SESSIONS = 200;
let t: TestPlatform;
beforeAll(async () => {
  t = await testPlatform({ cli: 'fake' });
});
afterAll(async () => {
  await t.close();
  expect(liveChildren(), 'no leaked CLI processes').toEqual([]);
});

describe(`load: ${SESSIONS} concurrent sessions against the fake CLI`, () => {
  it('creates, streams a turn over WebSocket and ends every session without errors', async () => {
    global.gc?.();
    const before = process.memoryUsage();
    let peakProcesses = 0;
    const started = Date.now();
    const latencies: number[] = [];
    const errors: string[] = [];
    const peakTimer = setInterval(
      () => (peakProcesses = Math.max(peakProcesses, t.platform.sessions.liveProcesses)),
      20,
    );
    let peakRss = 0;
    const rssTimer = setInterval(
      () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
      50,
    );
    await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        try {
          const token = await t.token({
            userId: `user${i}`,
            tenantId: `tenant${i % 10}`,
            tier: 'enterprise',
          });
          const created = await t.api(token, 'POST', '/api/sessions', {});
          if (created.status !== 201)
            throw new Error(`create ${created.status} ${JSON.stringify(created.body)}`);
          const stream = await openStream(t.platform.url, token, created.body.id);
          const t0 = Date.now();
          stream.ws.send(JSON.stringify({ type: 'chat', message: 'Say hello' }));
          const outcome = await stream.next(
            (f) => f.kind === 'turn_outcome' || f.kind === 'error',
            120_000,
          );
          latencies.push(Date.now() - t0);
          if (outcome.kind !== 'turn_outcome' || outcome.isError)
            throw new Error(`turn ${JSON.stringify(outcome)}`);
          await stream.close();
          const ended = await t.api(token, 'DELETE', `/api/sessions/${created.body.id}`);
          if (ended.status !== 200) throw new Error(`end ${ended.status}`);
        } catch (error) {
          errors.push(String(error));
        }
      }),
    );
    clearInterval(peakTimer);
    clearInterval(rssTimer);
    const after = process.memoryUsage();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const report = {
      sessions: SESSIONS,
      errors: errors.length,
      wallMs: Date.now() - started,
      turnLatencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1) },
      peakCliProcesses: peakProcesses,
      serverHeapPerSessionKiB: Math.round((after.heapUsed - before.heapUsed) / SESSIONS / 1024),
      serverPeakRssDeltaPerSessionKiB: Math.round((peakRss - before.rss) / SESSIONS / 1024),
    };
    console.log(`[load] ${JSON.stringify(report)}`);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(t.platform.sessions.liveProcesses).toBe(0);
    const metrics = await (await operatorGet(t.platform.url)).text();
    expect(metrics).toContain(`platform_turns_total{outcome="ok"} ${SESSIONS}`);
  }, 180_000);
});
