import { describe, expect, it } from 'vitest';
import { budgetRequest, MIN_OUTPUT_TOKENS } from './budgetRequest.js';
import { costOf, FALLBACK_PRICE, priceOf } from './pricing.js';

const opus = priceOf('claude-opus-4-5');

describe('budgetRequest', () => {
  it('keeps max_tokens when the budget covers it', () => {
    const fitted = budgetRequest({ max_tokens: 1000 }, 4000, opus, 10);
    expect(fitted).toMatchObject({ ok: true, maxOutputTokens: 1000 });
  });

  it('lowers max_tokens so that estimated input plus all output fits the budget', () => {
    const fitted = budgetRequest({ max_tokens: 32000 }, 40_000, opus, 0.1);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    const worst = costOf(opus, {
      inputTokens: 10_000,
      outputTokens: fitted.maxOutputTokens,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    });
    expect(worst).toBeLessThanOrEqual(0.1);
    expect(fitted.body['max_tokens']).toBe(fitted.maxOutputTokens);
  });

  it('refuses when fewer than the minimum output tokens are affordable, or nothing is left', () => {
    expect(budgetRequest({ max_tokens: 10 }, 10, opus, 0).ok).toBe(false);
    expect(budgetRequest({ max_tokens: 10 }, 10, opus, -1).ok).toBe(false);
    const justUnder = ((MIN_OUTPUT_TOKENS - 1) * opus.output) / 1e6;
    expect(budgetRequest({}, 0, opus, justUnder).ok).toBe(false);
  });

  it('prices unknown models as the most expensive family', () => {
    expect(priceOf('some-new-model')).toBe(FALLBACK_PRICE);
    expect(priceOf('claude-haiku-4-5').output).toBeLessThan(priceOf('claude-sonnet-4-5').output);
  });
});
