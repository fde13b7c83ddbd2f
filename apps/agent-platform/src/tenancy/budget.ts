import { PlatformError } from '../domain/PlatformError.js';

/** The first instant (ms) of the current calendar month, UTC. */
export function startOfMonthUtc(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export interface BudgetCheck {
  scope: 'user' | 'tenant' | 'turn';
  usedUsd: number;
  limitUsd: number;
}

/** Throws `budget_exceeded` (429) when any scope has spent its monthly limit. */
export function assertWithinBudget(checks: readonly BudgetCheck[]): void {
  for (const check of checks) {
    if (check.usedUsd >= check.limitUsd) {
      throw new PlatformError(
        'budget_exceeded',
        `The ${check.scope}'s monthly budget of $${check.limitUsd.toFixed(2)} is spent ($${check.usedUsd.toFixed(4)} used). It resets on the 1st (UTC); upgrade the tier for more.`,
        { details: { scope: check.scope, usedUsd: check.usedUsd, limitUsd: check.limitUsd } },
      );
    }
  }
}
