import { ResultError, type SDKResultMessage } from '@agentsdk/core';

// #region retry
export interface RetryConfig {
  retries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** HTTP statuses worth another try: rate limits, overload, server errors. 4xx others are final. */
const RETRYABLE = new Set([429, 500, 502, 503, 504, 529]);

/** Exponential backoff with full jitter. */
export function backoff(attempt: number, { initialDelayMs, maxDelayMs }: RetryConfig): number {
  return Math.random() * Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
}

/**
 * Run a turn until it succeeds or fails for good. `run` should use `throwOnResultError: true`, so
 * an API failure (which the CLI reports as a result with is_error) arrives as a ResultError.
 */
export async function withRetry(
  run: () => Promise<SDKResultMessage>,
  config: RetryConfig,
  log: (line: string) => void = console.log,
): Promise<SDKResultMessage> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const status =
        error instanceof ResultError && error.result.subtype === 'success'
          ? error.result.api_error_status
          : undefined;
      if (!status || !RETRYABLE.has(status) || attempt >= config.retries) throw error;
      const delay = backoff(attempt, config);
      log(`retry  › API ${status}; attempt ${attempt + 2} in ${Math.round(delay)} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
// #endregion retry
