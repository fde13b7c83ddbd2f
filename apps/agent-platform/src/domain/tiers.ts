export type TierName = 'free' | 'pro' | 'enterprise';

export const TIER_NAMES: readonly TierName[] = ['free', 'pro', 'enterprise'];

/** Limits of a subscription tier (the guide's table, plus a monthly budget per user). */
export interface TierLimits {
  /** `maxTurns` of each CLI turn. */
  maxTurns: number;
  /** `maxBudgetUsd` of each CLI process. */
  maxBudgetUsd: number;
  maxThinkingTokens: number;
  /** Open (not completed, not failed) sessions one user may hold at once. */
  concurrentSessions: number;
  /** Spend per user per calendar month (UTC), from recorded usage. */
  monthlyBudgetUsd: number;
}

export type TierTable = Record<TierName, TierLimits>;

export const DEFAULT_TIERS: TierTable = {
  free: {
    maxTurns: 10,
    maxBudgetUsd: 0.5,
    maxThinkingTokens: 2000,
    concurrentSessions: 1,
    monthlyBudgetUsd: 5,
  },
  pro: {
    maxTurns: 50,
    maxBudgetUsd: 5,
    maxThinkingTokens: 8000,
    concurrentSessions: 5,
    monthlyBudgetUsd: 100,
  },
  enterprise: {
    maxTurns: 200,
    maxBudgetUsd: 50,
    maxThinkingTokens: 16000,
    concurrentSessions: 20,
    monthlyBudgetUsd: 2000,
  },
};

export function isTierName(value: unknown): value is TierName {
  return typeof value === 'string' && (TIER_NAMES as readonly string[]).includes(value);
}
