import type { SDKAssistantMessage } from './assistant.js';
import {
  KNOWN_CONTENT_BLOCK_TYPES,
  type ContentBlock,
  type TextBlock,
  type ThinkingBlock,
  type ToolResultBlock,
  type ToolUseBlock,
  type UnknownContentBlock,
} from './content.js';
import type { SDKResultError, SDKResultMessage, SDKResultSuccess } from './result.js';
import { KNOWN_MESSAGE_TYPES, type SDKMessage, type SDKUnknownMessage } from './SDKMessage.js';
import type { SDKStreamEvent } from './streamEvent.js';
import {
  KNOWN_SYSTEM_SUBTYPES,
  type SDKSystemInitMessage,
  type SDKSystemMessage,
  type SDKSystemOtherMessage,
} from './system.js';
import type { SDKUserMessage } from './user.js';

/** Anything that can come out of the message stream, known or not. */
type AnyMessage = SDKMessage | SDKUnknownMessage;
type AnyBlock = ContentBlock | UnknownContentBlock;

const knownTypes: ReadonlySet<string> = new Set(KNOWN_MESSAGE_TYPES);
const knownSystemSubtypes: ReadonlySet<string> = new Set(KNOWN_SYSTEM_SUBTYPES);
const knownBlockTypes: ReadonlySet<string> = new Set(KNOWN_CONTENT_BLOCK_TYPES);

export function isAssistantMessage(m: AnyMessage): m is SDKAssistantMessage {
  return m.type === 'assistant';
}

export function isUserMessage(m: AnyMessage): m is SDKUserMessage {
  return m.type === 'user';
}

/**
 * True for every `system` message, including subtypes `SDKSystemMessage` does not name; tell
 * those apart with `isSystemOtherMessage`.
 */
export function isSystemMessage(m: AnyMessage): m is SDKSystemMessage {
  return m.type === 'system';
}

/** `system/init`: sent at the start of every turn, not once at startup (docs/protocol.md §5.4). */
export function isInitMessage(m: AnyMessage): m is SDKSystemInitMessage {
  return m.type === 'system' && m.subtype === 'init';
}

/** A `system` message whose subtype is not in `KNOWN_SYSTEM_SUBTYPES`. */
export function isSystemOtherMessage(m: AnyMessage): m is SDKSystemOtherMessage {
  return m.type === 'system' && !knownSystemSubtypes.has(String(m.subtype));
}

export function isResultMessage(m: AnyMessage): m is SDKResultMessage {
  return m.type === 'result';
}

/**
 * A result that really succeeded: `subtype: "success"` **and** `is_error: false`. API failures
 * come as `subtype: "success"` with `is_error: true` (docs/protocol.md §9.3) and fail this test.
 */
export function isResultSuccess(m: AnyMessage): m is SDKResultSuccess & { is_error: false } {
  return m.type === 'result' && m.subtype === 'success' && m.is_error === false;
}

/**
 * A failed result, judged by `is_error` as docs/protocol.md §4.7 requires, not by `subtype`: true for
 * every `error_*` subtype and for `success` results carrying an API error (j2, j6).
 */
export function isResultError(
  m: AnyMessage,
): m is (SDKResultSuccess & { is_error: true }) | (SDKResultError & { is_error: true }) {
  return m.type === 'result' && m.is_error === true;
}

export function isStreamEvent(m: AnyMessage): m is SDKStreamEvent {
  return m.type === 'stream_event';
}

/** True when `m.type` is not in `KNOWN_MESSAGE_TYPES`. Such messages are delivered as sent. */
export function isUnknownMessage(m: AnyMessage): m is SDKUnknownMessage {
  return !knownTypes.has(m.type);
}

export function isTextBlock(b: AnyBlock): b is TextBlock {
  return b.type === 'text';
}

export function isThinkingBlock(b: AnyBlock): b is ThinkingBlock {
  return b.type === 'thinking';
}

export function isToolUseBlock(b: AnyBlock): b is ToolUseBlock {
  return b.type === 'tool_use';
}

export function isToolResultBlock(b: AnyBlock): b is ToolResultBlock {
  return b.type === 'tool_result';
}

/** True when `b.type` is not one `ContentBlock` names. Such blocks are delivered as sent. */
export function isUnknownContentBlock(b: AnyBlock): b is UnknownContentBlock {
  return !knownBlockTypes.has(b.type);
}
