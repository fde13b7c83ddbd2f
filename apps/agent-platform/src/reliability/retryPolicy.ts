/** How turns that failed on a transient API error are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
};

/** 429 (rate limited), 529 (overloaded) and 5xx are transient; everything else is final. */
export function isTransientStatus(status: number | null | undefined): boolean {
  if (status === null || status === undefined) return false;
  return status === 429 || status === 529 || (status >= 500 && status <= 599);
}

/**
 * Delay before retry number `attempt` (1 = the first retry): exponential backoff capped at
 * `maxDelayMs`, with full jitter (uniform in [0, cap]) so a burst of failures does not retry in
 * lockstep. `random` is injectable for tests.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}

/** Whether a failed attempt (1-based) may be followed by another. */
export function shouldRetry(
  policy: RetryPolicy,
  attempt: number,
  status: number | null | undefined,
): boolean {
  return attempt < policy.maxAttempts && isTransientStatus(status);
}
