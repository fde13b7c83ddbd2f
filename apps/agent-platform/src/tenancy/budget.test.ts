import { describe, expect, it } from 'vitest';
import { PlatformError } from '../domain/PlatformError.js';
import { assertWithinBudget, startOfMonthUtc } from './budget.js';
import { DEFAULT_TIERS, isTierName } from '../domain/tiers.js';

describe('limits and budgets', () => {
  it('throws budget_exceeded (429) naming the scope once the limit is reached', () => {
    expect(() => assertWithinBudget([{ scope: 'user', usedUsd: 4.99, limitUsd: 5 }])).not.toThrow();
    try {
      assertWithinBudget([
        { scope: 'user', usedUsd: 1, limitUsd: 5 },
        { scope: 'tenant', usedUsd: 100, limitUsd: 100 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(PlatformError.is(error)).toBe(true);
      if (!PlatformError.is(error)) return;
      expect(error.status).toBe(429);
      expect(error.toJSON().error).toMatchObject({
        code: 'budget_exceeded',
        scope: 'tenant',
        limitUsd: 100,
      });
    }
  });

  it('months start on the 1st, UTC', () => {
    expect(new Date(startOfMonthUtc(Date.UTC(2026, 1, 17, 13))).toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    );
  });

  it('tiers grow monotonically', () => {
    const { free, pro, enterprise } = DEFAULT_TIERS;
    for (const key of Object.keys(free) as (keyof typeof free)[]) {
      expect(free[key]).toBeLessThan(pro[key]);
      expect(pro[key]).toBeLessThan(enterprise[key]);
    }
    expect(isTierName('pro')).toBe(true);
    expect(isTierName('platinum')).toBe(false);
  });
});
