import type { ModelPrice } from './pricing.js';

/** Fewer affordable output tokens than this and a request is refused rather than cut short. */
export const MIN_OUTPUT_TOKENS = 16;
/** Bytes per input token for the pre-send estimate; `message_start` later gives the exact count. */
const BYTES_PER_TOKEN = 4;

export type BudgetedRequest =
  | { ok: true; body: Record<string, unknown>; maxOutputTokens: number; estimatedInputUsd: number }
  | { ok: false; message: string };

/**
 * Fits a Messages request into what the session may still spend: `max_tokens` is lowered to the
 * output the remaining budget can pay for after the estimated input, so a single answer can
 * never run past the budget (the API never bills more output than `max_tokens`).
 */
export function budgetRequest(
  body: Record<string, unknown>,
  bytes: number,
  price: ModelPrice,
  remainingUsd: number,
): BudgetedRequest {
  const estimatedInputUsd = (Math.ceil(bytes / BYTES_PER_TOKEN) * price.input) / 1_000_000;
  const affordable = Math.floor(((remainingUsd - estimatedInputUsd) * 1_000_000) / price.output);
  const spent = `$${Math.max(0, remainingUsd).toFixed(4)} of budget left`;
  if (!(affordable >= MIN_OUTPUT_TOKENS)) {
    return {
      ok: false,
      message: `Budget exceeded: ${spent}, not enough for another model request.`,
    };
  }
  const asked = typeof body['max_tokens'] === 'number' ? body['max_tokens'] : affordable;
  const maxOutputTokens = Math.min(asked, affordable);
  const next: Record<string, unknown> = { ...body, max_tokens: maxOutputTokens };
  const thinking = body['thinking'] as { type?: unknown; budget_tokens?: unknown } | undefined;
  if (
    thinking?.type === 'enabled' &&
    typeof thinking.budget_tokens === 'number' &&
    thinking.budget_tokens >= maxOutputTokens
  ) {
    // The API wants budget_tokens < max_tokens and at least 1024.
    if (maxOutputTokens <= 1024) {
      return {
        ok: false,
        message: `Budget exceeded: ${spent}, not enough for a thinking request.`,
      };
    }
    next['thinking'] = { ...thinking, budget_tokens: maxOutputTokens - 1 };
  }
  return { ok: true, body: next, maxOutputTokens, estimatedInputUsd };
}
