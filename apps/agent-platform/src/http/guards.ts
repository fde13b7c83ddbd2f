import type { Context } from 'hono';
import type { PlatformError } from '../domain/PlatformError.js';
import { bearerToken } from '../auth/tokens.js';
import { sameSecret } from '../domain/sameSecret.js';

/** Constant-time comparison of a presented bearer token with the configured one. */
export function hasBearer(
  header: string | undefined | null,
  expected: string | undefined,
): boolean {
  const presented = bearerToken(header);
  if (!expected || !presented) return false;
  return sameSecret(presented, expected);
}

/** The error response, with `Retry-After` on a 429 that says when. */
export function errorResponse(c: Context, error: PlatformError): Response {
  const retryAfter = error.details?.['retryAfterSec'];
  if (error.status === 429 && typeof retryAfter === 'number') {
    c.header('retry-after', String(retryAfter));
  }
  return c.json(error.toJSON(), error.status as 500);
}
