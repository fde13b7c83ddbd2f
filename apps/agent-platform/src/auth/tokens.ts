import { errors, jwtVerify, SignJWT } from 'jose';
import { PlatformError } from '../errors/PlatformError.js';
import { isTierName } from '../tenancy/tiers.js';
import { ID_PATTERN, type Principal } from './Principal.js';

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

/** Verify a bearer token: HS256 only, signature, issuer, audience, `exp` required; claims checked. */
export async function verifyToken(secret: string, token: string): Promise<Principal> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    const reason =
      error instanceof errors.JWTExpired
        ? 'the token has expired'
        : error instanceof errors.JWSSignatureVerificationFailed
          ? 'the token signature is invalid'
          : 'the token is invalid';
    throw new PlatformError(
      'unauthorized',
      `Unauthorized: ${reason}. Send a valid 'Authorization: Bearer <jwt>'.`,
      {
        cause: error,
      },
    );
  }
  const { sub, tenant, tier, role } = payload;
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
  return { userId: sub, tenantId: tenant, tier, role: role === 'admin' ? 'admin' : 'user' };
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
