/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export const ZERO_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

const price = (input: number, output: number): ModelPrice => ({
  input,
  output,
  cacheWrite: input * 1.25,
  cacheRead: input * 0.1,
});

/**
 * Prices by model family (Anthropic's public list). A model that matches none is charged as
 * the most expensive family, so an unknown name can only over-count, never let spend through.
 */
export const DEFAULT_PRICES: ReadonlyArray<readonly [RegExp, ModelPrice]> = [
  [/haiku-3|3-haiku/, price(0.25, 1.25)],
  [/haiku/, price(1, 5)],
  [/sonnet/, price(3, 15)],
  [/opus-4-[01]|opus-4$|opus-4-20|3-opus/, price(15, 75)],
  [/opus/, price(5, 25)],
];
export const FALLBACK_PRICE: ModelPrice = price(15, 75);

export function priceOf(
  model: string,
  table: ReadonlyArray<readonly [RegExp, ModelPrice]> = DEFAULT_PRICES,
): ModelPrice {
  for (const [pattern, p] of table) if (pattern.test(model)) return p;
  return FALLBACK_PRICE;
}

export function costOf(p: ModelPrice, usage: TokenUsage): number {
  return (
    (usage.inputTokens * p.input +
      usage.outputTokens * p.output +
      usage.cacheCreationInputTokens * p.cacheWrite +
      usage.cacheReadInputTokens * p.cacheRead) /
    1_000_000
  );
}
