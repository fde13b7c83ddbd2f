import { describe, expect, it } from 'vitest';
import { HoldBatches, MAX_BATCH_HOLDS, type HoldOutcome } from './HoldBatches.js';
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

  it(`takes at most ${MAX_BATCH_HOLDS} holds a batch, the rest in the next ones, in order`, async () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    const batcher = new HoldBatches(async (holds) => {
      sizes.push(holds.length);
      seen.push(...holds.map((h) => h.id));
      return holds.map((): HoldOutcome => ({ spent: { userUsd: 0, tenantUsd: 0 } }));
    });
    const ids = Array.from({ length: 2 * MAX_BATCH_HOLDS + 2 }, (_, i) => `h${i}`);
    await Promise.all(ids.map((id) => batcher.hold(hold(id))));
    expect(sizes).toEqual([1, MAX_BATCH_HOLDS, MAX_BATCH_HOLDS, 1]);
    expect(seen).toEqual(ids);
  });
});
