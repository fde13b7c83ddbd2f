/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PlatformConfig } from '../src/config/PlatformConfig.js';
import {
  liveChildren,
  watchdogs,
  METRICS_TOKEN,
  openStream,
  operatorGet,
  testPlatform,
  type TestPlatform,
} from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
  expect(watchdogs(), 'a watchdog outlived its platform').toEqual([]);
});

async function start(config: Partial<PlatformConfig> = {}): Promise<TestPlatform> {
  t = await testPlatform({ cli: 'fake', config });
  return t;
}

/** Resolves with the close code and reason the server sent. */
const closed = (ws: WebSocket): Promise<{ code: number; reason: string }> =>
  new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );

describe('hard limits', () => {
  it('an oversized WebSocket frame closes that socket with 1009 and nothing else', async () => {
    const p = await start({ maxBodyBytes: 64 * 1024 });
    const token = await p.token({ userId: 'ada' });
    const { body: session } = await p.api(token, 'POST', '/api/sessions', {});
    const victim = await openStream(p.platform.url, token, session.id);
    const bystander = await openStream(p.platform.url, token, session.id);
    const closing = closed(victim.ws);
    victim.ws.on('error', () => undefined); // the client sees the reset too
    victim.ws.send(JSON.stringify({ type: 'chat', message: 'x'.repeat(100 * 1024) }));
    expect((await closing).code).toBe(1009);
    // The server and the other socket carry on.
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    expect((await p.api(token, 'GET', `/api/sessions/${session.id}`)).status).toBe(200);
    const again = await openStream(p.platform.url, token, session.id);
    await again.close();
    await bystander.close();
    // No turn ran.
    expect(p.platform.sessions.liveProcesses).toBe(1);
    expect((await p.api(token, 'GET', `/api/sessions/${session.id}`)).body.turns).toBe(0);
  });

  it('HTTP and WebSocket chat share one message length limit', async () => {
    const p = await start({ maxMessageChars: 1000 });
    const token = await p.token({ userId: 'ada' });
    const { body: session } = await p.api(token, 'POST', '/api/sessions', {});
    const http = await p.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'x'.repeat(1001),
    });
    expect(http.status).toBe(413);
    expect(http.body.error).toMatchObject({ code: 'payload_too_large', limit: 1000 });
    const stream = await openStream(p.platform.url, token, session.id);
    stream.ws.send(JSON.stringify({ type: 'chat', message: 'x'.repeat(1001) }));
    const error = await stream.next((f) => f.kind === 'error');
    expect(error.error).toMatchObject({ code: 'payload_too_large', limit: 1000 });
    await stream.close();
    expect((await p.api(token, 'GET', `/api/sessions/${session.id}`)).body.turns).toBe(0);
  });

  it('refuses an HTTP body over the limit with 413, with or without a content-length', async () => {
    const p = await start({ maxBodyBytes: 32 * 1024 });
    const token = await p.token({ userId: 'ada' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const big = JSON.stringify({ message: 'x'.repeat(64 * 1024) });
    const sized = await fetch(`${p.platform.url}/api/sessions`, {
      method: 'POST',
      headers,
      body: big,
    });
    expect(sized.status).toBe(413);
    expect(((await sized.json()) as any).error.code).toBe('payload_too_large');
    // Chunked: no content-length, the limit applies while the body streams in.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new Uint8Array(8 * 1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await fetch(`${p.platform.url}/api/sessions`, {
      method: 'POST',
      headers,
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(p.platform.sessions.liveProcesses).toBe(0);
  });

  it('limits requests per user and per tenant with 429 and Retry-After', async () => {
    const p = await start({
      userRateLimit: { perMinute: 6, burst: 5 },
      tenantRateLimit: { perMinute: 6, burst: 8 },
    });
    const ada = await p.token({ userId: 'ada' });
    const bob = await p.token({ userId: 'bob' });
    const other = await p.token({ userId: 'cy', tenantId: 'globex' });
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${p.platform.url}/api/sessions`, {
        headers: { authorization: `Bearer ${ada}` },
      });
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(5).fill(200), ...Array(7).fill(429)]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused!.json()) as any).error).toMatchObject({
      code: 'rate_limited',
      scope: 'user',
    });
    // Ada's refused requests did not use the tenant's share: bob gets the 3 left of 8.
    const bobs = [];
    for (let i = 0; i < 4; i++) bobs.push(await p.api(bob, 'GET', '/api/sessions'));
    expect(bobs.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(bobs[3]?.body.error.scope).toBe('tenant');
    // Another tenant is not affected.
    expect((await p.api(other, 'GET', '/api/sessions')).status).toBe(200);
    // WebSocket upgrades count too.
    const upgrade = await new Promise<number>((resolve) => {
      const ws = new WebSocket(
        `${p.platform.url.replace('http', 'ws')}/api/sessions/x/stream?token=${ada}`,
      );
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(upgrade).toBe(429);
  });

  it('serves /metrics only with its token; /health without one says only the status', async () => {
    const p = await start();
    expect((await fetch(`${p.platform.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${p.platform.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    const right = await operatorGet(p.platform.url);
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('platform_http_requests_total');
    expect(await (await fetch(`${p.platform.url}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await operatorGet(p.platform.url, '/health')).json()).toEqual({
      status: 'ok',
      database: 'sqlite',
      processes: 0,
    });
    await p.close();
    t = await testPlatform({ cli: 'fake', config: { metricsToken: undefined } });
    expect((await operatorGet(t.platform.url)).status).toBe(404);
  });
});
