import { errors, jwtVerify, SignJWT } from 'jose';
import { PlatformError } from '../domain/PlatformError.js';
import { isTierName } from '../domain/tiers.js';
import { ID_PATTERN, type Principal } from '../domain/Principal.js';
import { TokenError } from './TokenError.js';

export const TOKEN_ISSUER = 'agentsdk-platform';
export const TOKEN_AUDIENCE = 'agentsdk-platform';

function keyOf(secret: string): Uint8Array {
  if (secret.length < 32) {
    throw new Error('The JWT secret must be at least 32 characters (PLATFORM_JWT_SECRET).');
  }
  return new TextEncoder().encode(secret);
}

/** Issue an HS256 token (for tests, the dev page and `scripts/load.ts`; real deployments use their IdP). */
export async function signToken(
  secret: string,
  principal: Omit<Principal, 'role'> & { role?: Principal['role'] },
  expiresIn: string | number = '1h',
): Promise<string> {
  return new SignJWT({
    tenant: principal.tenantId,
    tier: principal.tier,
    role: principal.role ?? 'user',
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
}

export interface VerifiedToken {
  principal: Principal;
  /** Epoch ms of `exp`: a connection authenticated by this token must end then. */
  expiresAt: number;
}

/** Tokens older than this, or valid for longer, are refused unless a caller says otherwise. */
export const DEFAULT_MAX_TOKEN_AGE_SEC = 24 * 3600;
/** An `iat` this far in the future is the issuer's clock running ahead, not a forgery. */
const CLOCK_TOLERANCE_SEC = 30;

/** Verify a bearer token: HS256 only, signature, issuer, audience, `exp` required; claims checked. */
export async function verifyToken(
  secret: string,
  token: string,
  options: { maxAgeSec?: number } = {},
): Promise<Principal> {
  return (await verifyTokenClaims(secret, token, options)).principal;
}

/**
 * `verifyToken` with the expiry. Also refuses a token whose `iat` is missing, in the future,
 * older than `maxAgeSec`, or whose lifetime (`exp - iat`) exceeds it: a long-lived token that
 * leaked stays a short-lived risk.
 */
export async function verifyTokenClaims(
  secret: string,
  token: string,
  { maxAgeSec = DEFAULT_MAX_TOKEN_AGE_SEC }: { maxAgeSec?: number } = {},
): Promise<VerifiedToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub', 'iat'],
    }));
  } catch (error) {
    const expired = error instanceof errors.JWTExpired;
    throw new TokenError(
      expired
        ? 'expired'
        : error instanceof errors.JWSSignatureVerificationFailed
          ? 'bad_signature'
          : 'invalid',
      expired
        ? 'the token has expired'
        : error instanceof errors.JWSSignatureVerificationFailed
          ? 'the token signature is invalid'
          : 'the token is invalid',
      // An expired token's signature was checked: its subject may be named in the audit log.
      expired ? error.payload : undefined,
      error,
    );
  }
  const { sub, tenant, tier, role, iat, exp } = payload;
  const nowSec = Date.now() / 1000;
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > nowSec + CLOCK_TOLERANCE_SEC) {
    throw new TokenError('invalid', 'the token has no valid `iat`', payload);
  }
  if (nowSec - iat > maxAgeSec || exp - iat > maxAgeSec) {
    throw new TokenError(
      'too_old',
      `the token was issued too long ago or lives too long (at most ${maxAgeSec} s); get a fresh one`,
      payload,
    );
  }
  if (
    typeof sub !== 'string' ||
    !ID_PATTERN.test(sub) ||
    typeof tenant !== 'string' ||
    !ID_PATTERN.test(tenant)
  ) {
    throw new PlatformError(
      'unauthorized',
      'Unauthorized: the token needs `sub` and `tenant` claims of [A-Za-z0-9_-]{1,64}.',
    );
  }
  if (!isTierName(tier)) {
    throw new PlatformError(
      'unauthorized',
      `Unauthorized: unknown tier ${JSON.stringify(tier)} (free, pro, enterprise).`,
    );
  }
  return {
    principal: { userId: sub, tenantId: tenant, tier, role: role === 'admin' ? 'admin' : 'user' },
    expiresAt: exp * 1000,
  };
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
