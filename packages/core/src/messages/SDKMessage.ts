import { KNOWN_EVENT_TYPES, type SDKEventMessage } from './events.js';
import type { SDKAssistantMessage } from './assistant.js';
import type { SDKResultMessage } from './result.js';
import type { SDKStreamEvent } from './streamEvent.js';
import type { SDKSystemMessage } from './system.js';
import type { SDKUserMessage } from './user.js';

/**
 * A message the CLI writes on stdout and the SDK hands to the user. Control messages
 * (`control_request`, `control_response`, `control_cancel_request`) are not part of it: the
 * control router consumes them (see `control.ts`).
 *
 * The union names only the known top-level types, each with a literal `type`, so
 * `switch (msg.type)` narrows exactly. Messages of other types (`keep_alive`,
 * `tool_progress`, `rate_limit_event`, future ones) are **delivered unchanged, not dropped**:
 * at runtime the stream may hold them too. Test with `isUnknownMessage(msg)` and read them as
 * `SDKUnknownMessage`; a `default:` branch is therefore reachable. The same rule holds one
 * level down for `system` subtypes and content block types.
 */
export type SDKMessage =
  | SDKAssistantMessage
  | SDKUserMessage
  | SDKSystemMessage
  | SDKResultMessage
  | SDKStreamEvent
  | SDKEventMessage;

export type SDKMessageType = SDKMessage['type'];

/** The top-level `type`s `SDKMessage` names (a type test checks that none is missing). */
export const KNOWN_MESSAGE_TYPES = [
  'assistant',
  'user',
  'system',
  'result',
  'stream_event',
  ...KNOWN_EVENT_TYPES,
] as const satisfies readonly SDKMessageType[];

/** A stdout message whose `type` is not in `KNOWN_MESSAGE_TYPES`, exactly as the CLI sent it. */
export interface SDKUnknownMessage {
  type: string;
  [key: string]: unknown;
}
