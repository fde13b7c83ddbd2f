import type { RateLimit } from '../config/PlatformConfig.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts requests per key. In memory by default; the interface is async so a shared store
 * (Redis: one `EVAL` of the same bucket arithmetic) can replace it behind several servers.
 */
export interface RateLimiter {
  take(key: string, limit: RateLimit, now?: number): Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets in a map; full buckets are dropped so idle keys cost no memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  async take(key: string, limit: RateLimit, now = Date.now()): Promise<RateDecision> {
    const perMs = limit.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(limit.burst, previous.tokens + (now - previous.at) * perMs)
      : limit.burst;
    if (++this.takes % 10_000 === 0) this.prune(now, limit);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return {
      allowed: false,
      retryAfterMs: perMs > 0 ? Math.ceil((1 - tokens) / perMs) : Number.POSITIVE_INFINITY,
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Forget buckets that have refilled (their next take starts full anyway). */
  private prune(now: number, limit: RateLimit): void {
    const perMs = limit.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= limit.burst) this.buckets.delete(key);
    }
  }
}
