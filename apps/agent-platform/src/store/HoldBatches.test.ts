import { describe, expect, it } from 'vitest';
import { HoldBatches, type HoldOutcome } from './HoldBatches.js';
import type { BudgetHold } from './Repository.js';

const hold = (id: string, tenantId = 'acme'): BudgetHold => ({
  id,
  tenantId,
  userId: 'ada',
  since: 0,
  staleBefore: 0,
  amount: () => 1,
});

describe('HoldBatches', () => {
  it('sends what a tenant asks while its batch runs as the next batch, in order; one failure fails only its own', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const firstRuns = new Promise<void>((resolve) => (release = resolve));
    const batcher = new HoldBatches(async (holds) => {
      batches.push(holds.map((h) => h.id));
      if (batches.length === 1) await firstRuns;
      return holds.map((h, i): HoldOutcome =>
        h.id === 'bad' ? { error: new Error('bad hold') } : { spent: { userUsd: i, tenantUsd: i } },
      );
    });
    const first = batcher.hold(hold('a'));
    const later = ['b', 'bad', 'c'].map((id) => batcher.hold(hold(id)).catch((e: Error) => e));
    const other = batcher.hold(hold('x', 'globex'));
    release();
    expect(await first).toEqual({ userUsd: 0, tenantUsd: 0 });
    const [b, bad, c] = await Promise.all(later);
    expect(b).toEqual({ userUsd: 0, tenantUsd: 0 });
    expect(bad).toBeInstanceOf(Error);
    expect(c).toEqual({ userUsd: 2, tenantUsd: 2 });
    await other;
    // Another tenant does not wait for acme's batch.
    expect(batches).toEqual([['a'], ['x'], ['b', 'bad', 'c']]);
  });
});
