import type { Principal } from '../domain/Principal.js';
import type { RateLimit } from '../config/PlatformConfig.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { RateLimiter } from './RateLimiter.js';

export interface RequestLimits {
  limiter: RateLimiter;
  user: RateLimit;
  tenant: RateLimit;
}

/**
 * One request of a principal against its user's and its tenant's buckets; a refusal is a
 * `rate_limited` error (429) whose `retryAfterSec` becomes the `Retry-After` header.
 */
export async function assertWithinRate(limits: RequestLimits, principal: Principal): Promise<void> {
  // The user's bucket first: one user flooding does not drain what the tenant's others share.
  const user = await limits.limiter.take(
    `user:${principal.tenantId}/${principal.userId}`,
    limits.user,
  );
  const tenant = user.allowed
    ? await limits.limiter.take(`tenant:${principal.tenantId}`, limits.tenant)
    : undefined;
  const refused = !user.allowed ? user : tenant && !tenant.allowed ? tenant : undefined;
  if (!refused) return;
  const scope = user.allowed ? 'tenant' : 'user';
  const retryAfterSec = Math.max(1, Math.ceil(refused.retryAfterMs / 1000));
  throw new PlatformError(
    'rate_limited',
    `Too many requests for this ${scope}; retry in ${retryAfterSec} s.`,
    { details: { scope, retryAfterSec } },
  );
}

/** Characters of a chat message, checked the same way on HTTP and WebSocket. */
export function assertMessageLength(message: string, maxChars: number): void {
  if (message.length > maxChars) {
    throw new PlatformError(
      'payload_too_large',
      `The message has ${message.length} characters; the limit is ${maxChars}. Send a shorter message.`,
      { details: { limit: maxChars } },
    );
  }
}
