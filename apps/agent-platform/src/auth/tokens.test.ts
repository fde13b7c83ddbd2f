import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../domain/PlatformError.js';
import { bearerToken, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyToken } from './tokens.js';

const secret = 'test-secret-test-secret-test-secret!';
const ada = { userId: 'ada', tenantId: 'acme', tier: 'pro' } as const;

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return PlatformError.is(error) ? error.code : 'not a PlatformError';
  }
}

describe('tokens', () => {
  it('round-trips user, tenant, tier and role', async () => {
    expect(await verifyToken(secret, await signToken(secret, ada))).toEqual({
      ...ada,
      role: 'user',
    });
  });

  it('rejects forged, expired, unsigned and claim-less tokens as unauthorized', async () => {
    expect(
      await code(verifyToken(secret, await signToken('another-secret-another-secret-xx', ada))),
    ).toBe('unauthorized');
    expect(
      await code(
        verifyToken(secret, await signToken(secret, ada, Math.floor(Date.now() / 1000) - 10)),
      ),
    ).toBe('unauthorized');
    const [header, payload] = (await signToken(secret, ada)).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await code(verifyToken(secret, none))).toBe('unauthorized');
    expect(header).toBeTruthy();
    const noExp = await new SignJWT({ tenant: 'acme', tier: 'pro' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ada')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .sign(new TextEncoder().encode(secret));
    expect(await code(verifyToken(secret, noExp))).toBe('unauthorized');
    const badTenant = await signToken(secret, { ...ada, tenantId: '../etc' });
    expect(await code(verifyToken(secret, badTenant))).toBe('unauthorized');
  });

  it('parses bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
