import type { SDKResultMessage } from '@agentsdk/core';

// #region cost-tracker
export interface UsageRecord {
  userId: string;
  sessionId: string;
  costUsd: number; // this turn's cost
  inputTokens: number;
  outputTokens: number;
  durationMs: number;
}

/** Per-user cost accounting from result messages, and a budget check before each turn. */
export class CostTracker {
  readonly records: UsageRecord[] = [];
  // total_cost_usd is cumulative for a session (also across resumes): keep the last one seen.
  readonly #sessionTotals = new Map<string, number>();

  constructor(private readonly budgets: Record<string, number>) {}

  record(userId: string, result: SDKResultMessage): UsageRecord {
    const before = this.#sessionTotals.get(result.session_id) ?? 0;
    this.#sessionTotals.set(result.session_id, result.total_cost_usd);
    const record: UsageRecord = {
      userId,
      sessionId: result.session_id,
      costUsd: result.total_cost_usd - before,
      inputTokens: result.usage.input_tokens,
      outputTokens: result.usage.output_tokens,
      durationMs: result.duration_ms,
    };
    this.records.push(record);
    return record;
  }

  spent(userId: string): number {
    return this.records.filter((r) => r.userId === userId).reduce((sum, r) => sum + r.costUsd, 0);
  }

  /** What is left of the user's budget: pass it as the next session's `maxBudgetUsd`. */
  remaining(userId: string): number {
    return Math.max(0, (this.budgets[userId] ?? 0) - this.spent(userId));
  }
}
// #endregion cost-tracker
