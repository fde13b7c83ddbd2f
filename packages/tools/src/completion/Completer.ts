import type { CompleteResult } from '@modelcontextprotocol/sdk/spec.types.js';

/** What a completer knows besides the partial value: the other arguments already filled in. */
export interface CompletionContext {
  /** Values of the other prompt arguments or template variables the client already has. */
  readonly arguments: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
}

/**
 * Suggest values for one prompt argument or template variable (MCP `completion/complete`). Return
 * the candidates (the first 100 are sent, with `total` and `hasMore`).
 */
export type Completer = (
  value: string,
  context: CompletionContext,
) => readonly string[] | Promise<readonly string[]>;

const MAX_VALUES = 100;

/** Run a completer and shape its answer as MCP's `completion` object. */
export async function runCompleter(
  completer: Completer | undefined,
  value: string,
  context: CompletionContext,
): Promise<CompleteResult> {
  if (!completer) return { completion: { values: [], hasMore: false } };
  const values = await completer(value, context);
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    throw new Error('A completer must return an array of strings.');
  }
  return {
    completion: {
      values: values.slice(0, MAX_VALUES),
      total: values.length,
      hasMore: values.length > MAX_VALUES,
    },
  };
}

/** A completer for a fixed set of values (enum arguments): the ones starting with what was typed. */
export function enumCompleter(options: readonly string[]): Completer {
  return (value) => options.filter((option) => option.startsWith(value));
}
