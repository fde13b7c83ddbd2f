import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './RateLimiter.js';

describe('MemoryRateLimiter', () => {
  it('allows a burst, then refills at the rate and says when to retry', async () => {
    const limiter = new MemoryRateLimiter();
    const limit = { perMinute: 60, burst: 3 };
    const at = (now: number) => limiter.take('k', limit, now);
    expect([await at(0), await at(0), await at(0)]).toEqual(Array(3).fill({ allowed: true }));
    expect(await at(0)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(await at(500)).toEqual({ allowed: false, retryAfterMs: 500 });
    expect(await at(1000)).toEqual({ allowed: true });
    expect(await limiter.take('other', limit, 1000)).toEqual({ allowed: true });
  });

  it('never holds more than the burst, however long a key was idle', async () => {
    const limiter = new MemoryRateLimiter();
    const limit = { perMinute: 600, burst: 2 };
    await limiter.take('k', limit, 0);
    const later = 10 * 60_000;
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.take('k', limit, later)).allowed);
    expect(results).toEqual([true, true, false, false]);
  });
});
