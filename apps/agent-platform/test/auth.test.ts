/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { liveChildren, openStream, testPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform;
let ada: string;
let sessionId: string;
beforeAll(async () => {
  t = await testPlatform({ cli: 'fake' });
  ada = await t.token({ userId: 'ada', tenantId: 'acme' });
  const created = await t.api(ada, 'POST', '/api/sessions', {});
  expect(created.status).toBe(201);
  sessionId = created.body.id;
});
afterAll(async () => {
  await t.close();
  expect(liveChildren()).toEqual([]);
});

const shape = (body: any) =>
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });

describe('authentication', () => {
  it('401 without, with a forged, with an expired or a malformed token; one JSON error shape', async () => {
    const none = await fetch(`${t.platform.url}/api/sessions`);
    expect(none.status).toBe(401);
    shape(await none.json());
    const forged = await signToken('not-the-server-secret-0123456789abc', {
      userId: 'ada',
      tenantId: 'acme',
      tier: 'enterprise',
    });
    const expired = await t.token({ userId: 'ada' }, Math.floor(Date.now() / 1000) - 5);
    for (const token of [forged, expired, 'garbage']) {
      const res = await t.api(token, 'GET', `/api/sessions/${sessionId}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect((await t.api(expired, 'GET', '/api/sessions')).body.error.message).toMatch(/expired/);
  });

  it('a WebSocket needs a valid token too', async () => {
    await expect(openStream(t.platform.url, 'garbage', sessionId)).rejects.toThrow(/401/);
  });
});

describe('isolation', () => {
  it("403 on another user's session (HTTP and WebSocket), 404 on an unknown one", async () => {
    const bob = await t.token({ userId: 'bob', tenantId: 'acme' });
    for (const [method, path] of [
      ['GET', `/api/sessions/${sessionId}`],
      ['POST', `/api/sessions/${sessionId}/chat`],
      ['POST', `/api/sessions/${sessionId}/pause`],
      ['DELETE', `/api/sessions/${sessionId}`],
      ['GET', `/api/sessions/${sessionId}/events`],
    ] as const) {
      const res = await t.api(
        bob,
        method,
        path,
        method === 'POST' && path.endsWith('chat') ? { message: 'hi' } : undefined,
      );
      expect(res.status, `${method} ${path}`).toBe(403);
      shape(res.body);
    }
    await expect(openStream(t.platform.url, bob, sessionId)).rejects.toThrow(/403/);
    expect(
      (await t.api(bob, 'GET', '/api/sessions/00000000-0000-0000-0000-000000000000')).status,
    ).toBe(404);
    expect((await t.api(bob, 'GET', '/api/sessions')).body.sessions).toEqual([]);
  });

  it("403 for the same user id in another tenant, and for another tenant's usage", async () => {
    const mallory = await t.token({ userId: 'ada', tenantId: 'acme-evil' });
    expect((await t.api(mallory, 'GET', `/api/sessions/${sessionId}`)).status).toBe(403);
    expect((await t.api(mallory, 'GET', '/api/tenants/acme/usage')).status).toBe(403);
    expect((await t.api(ada, 'GET', '/api/tenants/acme/usage?user=bob')).status).toBe(403);
    const admin = await t.token({ userId: 'root', tenantId: 'acme', role: 'admin' });
    expect((await t.api(admin, 'GET', '/api/tenants/acme/usage?user=bob')).status).toBe(200);
  });
});

describe('tiers', () => {
  it('429 when a user exceeds the concurrent sessions of the tier', async () => {
    const free = await t.token({ userId: 'frank', tier: 'free' });
    const first = await t.api(free, 'POST', '/api/sessions', {});
    expect(first.status).toBe(201);
    const second = await t.api(free, 'POST', '/api/sessions', {});
    expect(second.status).toBe(429);
    expect(second.body.error).toMatchObject({ code: 'too_many_sessions', limit: 1 });
    await t.api(free, 'DELETE', `/api/sessions/${first.body.id}`);
    const third = await t.api(free, 'POST', '/api/sessions', {});
    expect(third.status).toBe(201);
    await t.api(free, 'DELETE', `/api/sessions/${third.body.id}`);
  });

  it('429 budget_exceeded once recorded usage reaches the monthly budget', async () => {
    await t.platform.repository.recordUsage({
      sessionId: 'x',
      tenantId: 'acme',
      userId: 'spender',
      costUsd: 5,
      inputTokens: 0,
      outputTokens: 0,
      numTurns: 1,
      createdAt: Date.now(),
    });
    const spender = await t.token({ userId: 'spender', tier: 'free' });
    const res = await t.api(spender, 'POST', '/api/sessions', {});
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ code: 'budget_exceeded', scope: 'user' });
  });

  it('400 on bad bodies', async () => {
    expect((await t.api(ada, 'POST', `/api/sessions/${sessionId}/chat`, { nope: 1 })).status).toBe(
      400,
    );
  });
});
