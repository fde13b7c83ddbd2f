/**
 * The script format of the scripted model server. Field names are snake_case because scripts are
 * usually JSON files (`*.mock.json`) and the blocks mirror the Messages API wire shape.
 */

/** A text block the model "writes". Streamed as several `text_delta` chunks. */
export interface ModelTextBlock {
  type: 'text';
  text: string;
}

/** A tool call. Streamed as `input_json_delta` chunks of `JSON.stringify(input)`. */
export interface ModelToolUseBlock {
  type: 'tool_use';
  /** The tool_use id. Generated (`toolu_…`) when omitted. */
  id?: string;
  /** Tool name as the CLI exposes it, e.g. `Bash`, `Read`, `mcp__calc__add`, `StructuredOutput`. */
  name: string;
  /** The tool input (a JSON object). */
  input: Record<string, unknown>;
}

/** An extended-thinking block. Streamed as `thinking_delta` chunks then one `signature_delta`. */
export interface ModelThinkingBlock {
  type: 'thinking';
  thinking: string;
  /** The block signature; a placeholder is sent when omitted. The CLI does not verify it. */
  signature?: string;
}

/** A redacted thinking block (sent whole in `content_block_start`, no deltas). */
export interface ModelRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

/** Any content block a scripted turn can answer with. */
export type ModelContentBlock =
  ModelTextBlock | ModelToolUseBlock | ModelThinkingBlock | ModelRedactedThinkingBlock;

/** The Messages API stop reasons. */
export type ModelStopReason =
  'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'pause_turn' | 'refusal';

/** Token usage reported for a turn. Omitted fields default to input 10, output 5, caches 0. */
export interface ModelUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/**
 * A model turn answering with content. Every request that consumes the script gets the next turn.
 */
export interface ModelContentTurn {
  content: ModelContentBlock[];
  /** Default: `tool_use` when `content` has a tool_use block, else `end_turn`. */
  stop_reason?: ModelStopReason;
  usage?: ModelUsage;
  /** Characters per `text_delta` / `thinking_delta` / `input_json_delta` chunk. Default: server option `chunkChars` (10). */
  chunk_chars?: number;
  /** Pause between two SSE events, in ms (to make a stream last long enough to interrupt it by hand). Default 0. */
  delay_ms?: number;
  /** Model name echoed in the response. Default: the request's `model`. */
  model?: string;
  /**
   * Hold the response open part-way: after `stall_after_chars` characters of block content (or the
   * first chunk when only `stall: true` is given) nothing more is sent until the client disconnects
   * (the CLI aborts the request on interrupt) or the test calls `server.release()`, which sends the
   * rest. A non-streaming request stalls before its body. Never timer-based.
   */
  stall?: boolean;
  /** Stall after this many characters of block content have been streamed (implies `stall`). */
  stall_after_chars?: number;
}

/** The HTTP error a {@link ModelErrorTurn} answers with. */
export interface ModelErrorSpec {
  /** HTTP status: 401, 429, 500 and 529 are retried by the CLI; 400 is not. */
  status: number;
  /**
   * Anthropic error type. Default from the status: 400 `invalid_request_error`, 401
   * `authentication_error`, 403 `permission_error`, 404 `not_found_error`, 413
   * `request_too_large`, 429 `rate_limit_error`, 529 `overloaded_error`, otherwise `api_error`.
   */
  type?: string;
  /** Error message. Default: a short message naming the status. */
  message?: string;
  /** Sent as the `retry-after` header (seconds). */
  retry_after?: number | string;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** A model turn answering with an HTTP error (`{"type":"error","error":{type,message}}`). */
export interface ModelErrorTurn {
  error: ModelErrorSpec;
  /** Hold the error response until the client disconnects or `server.release()` (see {@link ModelContentTurn.stall}). */
  stall?: boolean;
}

/** One scripted answer of the model: content or an HTTP error. */
export type ModelTurn = ModelContentTurn | ModelErrorTurn;

/** A script: the turns the model answers with, in order. The format of the traces' `*.mock.json` files. */
export interface ModelScript {
  turns: ModelTurn[];
}

/** True when `turn` is an error turn. */
export function isErrorTurn(turn: ModelTurn): turn is ModelErrorTurn {
  return 'error' in turn;
}
