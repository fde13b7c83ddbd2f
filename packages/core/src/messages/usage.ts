import type { OpenString } from './openString.js';

// Token usage and stop reasons, in the three shapes the CLI reports them: the API's `usage`
// (snake_case, on `assistant` and `message_start`), the result's cumulative `usage`, and the
// result's per-model `modelUsage` (camelCase: the CLI's own names, kept as sent).

export type StopReason = OpenString<
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded'
>;

export interface CacheCreationUsage {
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
}

export interface ServerToolUseUsage {
  web_search_requests: number;
  web_fetch_requests?: number;
}

/**
 * The API's usage. On `assistant` lines it is the provisional `message_start` usage
 * (`output_tokens: 1`, docs/protocol.md §4.4 / §9.4); the final numbers are in `message_delta`
 * and in `result`.
 */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: CacheCreationUsage | null;
  server_tool_use?: ServerToolUseUsage | null;
  service_tier?: string | null;
}

/** `message_delta` usage; the CLI's synthetic deltas send `null` for unknown input counts. */
export interface MessageDeltaUsage {
  output_tokens: number;
  input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  server_tool_use?: ServerToolUseUsage | null;
}

/** `result.usage`: the turn's totals, with every count present (never null). */
export interface ResultUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens_details?: { thinking_tokens: number };
  server_tool_use?: ServerToolUseUsage;
  service_tier?: string;
  cache_creation?: CacheCreationUsage;
  inference_geo?: string;
  iterations?: unknown[];
  speed?: string;
  fallback_credit?: unknown;
}

/** One entry of `result.modelUsage` / `model_usage_since_last_result`, keyed by model name. */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  webSearchRequests: number;
  costUSD: number;
  contextWindow: number;
  maxOutputTokens?: number;
  thinkingTokens?: number;
  cacheCreationEphemeral5mInputTokens?: number;
  cacheCreationEphemeral1hInputTokens?: number;
  canonicalModel?: string;
  provider?: string;
  costBasis?: string;
}
