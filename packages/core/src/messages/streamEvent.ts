import type { APIAssistantMessage } from './assistant.js';
import type { ContentBlock } from './content.js';
import type { MessageDeltaUsage, StopReason } from './usage.js';

// The raw Anthropic SSE events the CLI forwards with `--include-partial-messages`
// (docs/protocol.md §4.6).

export interface MessageStartEvent {
  type: 'message_start';
  /** `content` is empty; `usage` is the provisional start usage. */
  message: APIAssistantMessage;
}

export interface ContentBlockStartEvent {
  type: 'content_block_start';
  index: number;
  /** Empty at the start: `text: ""`, `thinking: ""`, tool_use with `input: {}` (i1). */
  content_block: ContentBlock;
}

export interface TextDelta {
  type: 'text_delta';
  text: string;
}

/** A fragment of a tool_use block's input JSON; concatenate the fragments, then parse. */
export interface InputJSONDelta {
  type: 'input_json_delta';
  partial_json: string;
}

export interface ThinkingDelta {
  type: 'thinking_delta';
  thinking: string;
}

export interface SignatureDelta {
  type: 'signature_delta';
  signature: string;
}

export interface CitationsDelta {
  type: 'citations_delta';
  citation: unknown;
}

export type ContentBlockDelta =
  TextDelta | InputJSONDelta | ThinkingDelta | SignatureDelta | CitationsDelta;

export interface ContentBlockDeltaEvent {
  type: 'content_block_delta';
  index: number;
  delta: ContentBlockDelta;
}

/**
 * Ordering surprise: the `assistant` line for a block comes **before** that block's
 * `content_block_stop` (docs/protocol.md §4.6, i1).
 */
export interface ContentBlockStopEvent {
  type: 'content_block_stop';
  index: number;
}

/** Carries the final stop reason and usage. After an interrupt every `delta` field is null (f2). */
export interface MessageDeltaEvent {
  type: 'message_delta';
  delta: {
    stop_reason: StopReason | null;
    stop_sequence: string | null;
    stop_details?: unknown;
    container?: unknown;
  };
  usage: MessageDeltaUsage;
  context_management?: unknown;
}

export interface MessageStopEvent {
  type: 'message_stop';
}

export type RawMessageStreamEvent =
  | MessageStartEvent
  | ContentBlockStartEvent
  | ContentBlockDeltaEvent
  | ContentBlockStopEvent
  | MessageDeltaEvent
  | MessageStopEvent;

/** One raw API stream event, wrapped by the CLI. Only with `--include-partial-messages`. */
export interface SDKStreamEvent {
  type: 'stream_event';
  event: RawMessageStreamEvent;
  parent_tool_use_id: string | null;
  session_id: string;
  uuid: string;
  /** The API message id the event belongs to. */
  api_message_id?: string;
  /** On `message_start` only. */
  ttft_ms?: number;
  /** `"updates"` on `message_start` and on the thinking block's start and delta events. */
  thinking_display?: string;
  user_message_uuid?: string;
}
