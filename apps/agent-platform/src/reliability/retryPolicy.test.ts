import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isTransientStatus, shouldRetry } from './retryPolicy.js';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retry policy', () => {
  it('retries 429, 529 and 5xx only', () => {
    for (const status of [429, 500, 502, 503, 529]) expect(isTransientStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 413, null, undefined])
      expect(isTransientStatus(status)).toBe(false);
  });

  it('stops after maxAttempts', () => {
    expect(shouldRetry(policy, 1, 529)).toBe(true);
    expect(shouldRetry(policy, 3, 529)).toBe(true);
    expect(shouldRetry(policy, 4, 529)).toBe(false);
    expect(shouldRetry(policy, 1, 400)).toBe(false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const max = () => 0.999999;
    expect(backoffDelayMs(policy, 1, max)).toBe(99);
    expect(backoffDelayMs(policy, 2, max)).toBe(199);
    expect(backoffDelayMs(policy, 3, max)).toBe(399);
    expect(backoffDelayMs(policy, 10, max)).toBe(999);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    const samples = Array.from({ length: 200 }, () => backoffDelayMs(policy, 3));
    expect(new Set(samples).size).toBeGreaterThan(50); // jittered, not lockstep
    expect(Math.max(...samples)).toBeLessThan(400);
  });
});
