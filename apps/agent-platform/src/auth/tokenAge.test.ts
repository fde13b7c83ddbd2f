import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenError } from './TokenError.js';
import { signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyTokenClaims } from './tokens.js';

const secret = 'test-secret-test-secret-test-secret!';
const now = (): number => Math.floor(Date.now() / 1000);
const token = (claims: { iat?: number; exp: number }): Promise<string> => {
  const jwt = new SignJWT({ tenant: 'acme', tier: 'pro' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('ada')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setExpirationTime(claims.exp);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  return jwt.sign(new TextEncoder().encode(secret));
};

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof TokenError ? error.reason : 'not a TokenError';
  }
}

describe('token age', () => {
  it('refuses tokens issued too long ago, living too long, without or with a future iat', async () => {
    const opts = { maxAgeSec: 3600 };
    const check = async (claims: { iat?: number; exp: number }) =>
      reason(verifyTokenClaims(secret, await token(claims), opts));
    expect(await check({ iat: now(), exp: now() + 10 * 365 * 86_400 })).toBe('too_old');
    expect(await check({ iat: now() - 3700, exp: now() + 60 })).toBe('too_old');
    expect(await check({ exp: now() + 60 })).toBe('invalid');
    expect(await check({ iat: now() + 600, exp: now() + 900 })).toBe('invalid');
    expect(await check({ iat: now() - 60, exp: now() + 60 })).toBeUndefined();
  });

  it('gives the expiry and, for a rejected token whose signature held, its subject', async () => {
    const fresh = await verifyTokenClaims(
      secret,
      await signToken(secret, { userId: 'ada', tenantId: 'acme', tier: 'pro' }, '10m'),
    );
    expect(fresh.expiresAt).toBeGreaterThan(Date.now() + 9 * 60_000);
    const error = await verifyTokenClaims(
      secret,
      await token({ iat: now() - 120, exp: now() - 60 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).subject).toEqual({ tenantId: 'acme', userId: 'ada' });
    const forged = await verifyTokenClaims(
      'x'.repeat(40),
      await token({ iat: now(), exp: now() + 60 }),
    ).catch((e: unknown) => e);
    expect((forged as TokenError).subject).toBeUndefined();
  });
});
