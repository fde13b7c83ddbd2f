import type { BudgetHold, SpentUsd } from './Repository.js';

interface Waiting {
  hold: BudgetHold;
  resolve: (spent: SpentUsd) => void;
  reject: (error: unknown) => void;
}

/** The most holds one batch takes; the rest go in the next. */
export const MAX_BATCH_HOLDS = 1000;

/** What one batch answers per hold, in order: the spend it saw, or why it failed. */
export type HoldOutcome = { spent: SpentUsd } | { error: unknown };

/**
 * Group commit for budget holds: the holds one tenant asks for while its previous batch is in
 * the database go together in the next batch, one transaction under the tenant's lock, each
 * seeing the holds taken before it in the batch. A burst of N model requests of one tenant
 * takes a few lock turns instead of N (each of several round trips), and every request still
 * sees every hold taken before its own.
 */
export class HoldBatches {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly running = new Set<string>();

  constructor(private readonly run: (holds: BudgetHold[]) => Promise<HoldOutcome[]>) {}

  hold(hold: BudgetHold): Promise<SpentUsd> {
    // One month per batch: its spend is summed from one start.
    const key = `${hold.tenantId}\u0000${hold.since}`;
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) queue.push({ hold, resolve, reject });
      else this.waiting.set(key, [{ hold, resolve, reject }]);
      if (!this.running.has(key)) void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      for (;;) {
        const queue = this.waiting.get(key);
        if (!queue) return;
        // A bounded batch: one INSERT takes 6 parameters a hold, and PostgreSQL allows 65,535.
        const batch = queue.splice(0, MAX_BATCH_HOLDS);
        if (queue.length === 0) this.waiting.delete(key);
        try {
          const outcomes = await this.run(batch.map((w) => w.hold));
          batch.forEach((w, i) => {
            const outcome = outcomes[i]!;
            if ('spent' in outcome) w.resolve(outcome.spent);
            else w.reject(outcome.error);
          });
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.running.delete(key);
    }
  }
}
