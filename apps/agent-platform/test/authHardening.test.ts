/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/tokens.js';
import {
  watchdogs,
  liveChildren,
  openStream,
  SECRET,
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

const nowSec = (): number => Math.floor(Date.now() / 1000);

/** A correctly signed token with the given `iat` and `exp` (epoch seconds). */
const signed = (claims: { iat: number; exp: number }, sub = 'ada'): Promise<string> =>
  new SignJWT({ tenant: 'acme', tier: 'pro' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(SECRET));

describe('token age, WebSocket expiry and the audit log', () => {
  it('refuses a 10-year token and an old one, and audits whose they were', async () => {
    t = await testPlatform({ cli: 'fake', config: { maxTokenAgeSec: 3600 } });
    const tenYears = await signed({ iat: nowSec(), exp: nowSec() + 10 * 365 * 86_400 });
    const old = await signed({ iat: nowSec() - 7200, exp: nowSec() + 600 }, 'bob');
    const fine = await signed({ iat: nowSec(), exp: nowSec() + 600 });
    for (const token of [tenYears, old]) {
      const refused = await t.api(token, 'GET', '/api/me');
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'unauthorized', reason: 'too_old' });
    }
    expect((await t.api(fine, 'GET', '/api/me')).status).toBe(200);
    await t.platform.audit.drain();
    const entries = await t.platform.repository.listAudit({ tenantId: 'acme', limit: 10 });
    expect(
      entries
        .filter((e) => e.kind === 'auth_failure')
        .map((e) => e.userId)
        .sort(),
    ).toEqual(['ada', 'bob']);
  });

  it('closes a WebSocket with 4001 when its token expires; no turn runs on it after', async () => {
    t = await testPlatform({ cli: 'fake' });
    const long = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(long, 'POST', '/api/sessions', {});
    const short = await signed({ iat: nowSec(), exp: nowSec() + 2 });
    const stream = await openStream(t.platform.url, short, session.id);
    const { code, reason } = await new Promise<{ code: number; reason: string }>((resolve) =>
      stream.ws.once('close', (c, r) => resolve({ code: c, reason: r.toString() })),
    );
    expect({ code, reason }).toEqual({ code: 4001, reason: 'token expired' });
    // The same token cannot open a new one either.
    await expect(openStream(t.platform.url, short, session.id)).rejects.toThrow(/401/);
    const events = await t.api(long, 'GET', `/api/sessions/${session.id}/events`);
    expect(events.body.events.filter((e: { kind: string }) => e.kind === 'user')).toEqual([]);
    expect((await t.api(long, 'GET', `/api/sessions/${session.id}`)).body.turns).toBe(0);
  });

  it('audits cross-user access and admin reads; only the tenant admin reads its audit log', async () => {
    t = await testPlatform({ cli: 'fake' });
    const ada = await t.token({ userId: 'ada' });
    const bob = await t.token({ userId: 'bob' });
    const root = await t.token({ userId: 'root', role: 'admin' });
    const evil = await t.token({ userId: 'mallory', tenantId: 'evil', role: 'admin' });
    const { body: session } = await t.api(ada, 'POST', '/api/sessions', {});
    expect((await t.api(bob, 'GET', `/api/sessions/${session.id}`)).status).toBe(403);
    await expect(openStream(t.platform.url, bob, session.id)).rejects.toThrow(/403/);
    expect((await t.api(root, 'GET', '/api/tenants/acme/usage?user=ada')).status).toBe(200);
    expect((await t.api(ada, 'GET', '/api/tenants/acme/audit')).status).toBe(403);
    expect((await t.api(evil, 'GET', '/api/tenants/acme/audit')).status).toBe(403);
    await t.platform.audit.drain();
    const { status, body } = await t.api(root, 'GET', '/api/tenants/acme/audit');
    expect(status).toBe(200);
    const kinds = body.entries.map((e: any) => `${e.kind} ${e.userId} ${e.route}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `forbidden bob GET /api/sessions/${session.id}`,
        `forbidden bob GET /api/sessions/:id/stream (${session.id})`,
        'admin_read root GET /api/tenants/acme/usage',
        'forbidden ada GET /api/tenants/acme/audit',
      ]),
    );
    // Another tenant's admin, refused, is in its own tenant's log, not in acme's.
    expect(body.entries.some((e: any) => e.tenantId !== 'acme')).toBe(false);
    const theirs = await t.api(evil, 'GET', '/api/tenants/evil/audit');
    expect(theirs.body.entries.map((e: any) => e.kind)).toContain('forbidden');
  });

  it('throttles authentication failures per address (429) so they cannot flood the log', async () => {
    // One token a minute after the burst: none comes back during the test, however slow.
    const authFailureRateLimit = { perMinute: 1, burst: 20 };
    t = await testPlatform({ cli: 'fake', config: { authFailureRateLimit } });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await t.api('not-a-token', 'GET', '/api/me')).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    await t.platform.audit.drain();
    const failures = await t.platform.repository.listAudit({ limit: 100 });
    expect(failures.filter((e) => e.kind === 'auth_failure')).toHaveLength(20);
    // A WebSocket upgrade without a token is refused (and throttled) the same way.
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${t!.platform.url.replace('http', 'ws')}/api/sessions/x/stream`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(code).toBe(429);
  });
});
