import type { SDKAssistantMessage } from './assistant.js';
import type { ToolResultBlock, ToolUseBlock } from './content.js';
import {
  isAssistantMessage,
  isResultMessage,
  isTextBlock,
  isToolResultBlock,
  isToolUseBlock,
} from './guards.js';
import type { SDKResultMessage } from './result.js';
import type { SDKMessage, SDKUnknownMessage } from './SDKMessage.js';
import type { SDKUserMessage } from './user.js';

/**
 * The text blocks of a message, concatenated. Assistant lines carry one content block each
 * (docs/protocol.md §4.4), so this is usually that one block's text, or `""` for a tool_use or
 * thinking line. A user message with string content returns the string.
 */
export function messageText(msg: SDKAssistantMessage | SDKUserMessage): string {
  const content = msg.message.content;
  if (typeof content === 'string') return content;
  let text = '';
  for (const block of content) if (isTextBlock(block)) text += block.text;
  return text;
}

/** The tool_use blocks of an assistant message. */
export function toolUses(msg: SDKAssistantMessage): ToolUseBlock[] {
  return msg.message.content.filter(isToolUseBlock);
}

/** The tool_result blocks of a user echo. */
export function toolResults(msg: SDKUserMessage): ToolResultBlock[] {
  const content = msg.message.content;
  return typeof content === 'string' ? [] : content.filter(isToolResultBlock);
}

/**
 * The answer of a run: `result` of the last `success` result (which is the error text when
 * that result has `is_error: true`), else the text of the last main-agent assistant message
 * that has any. Subagent messages (`parent_tool_use_id` set) are skipped.
 */
export function finalText(
  input: SDKResultMessage | Iterable<SDKMessage | SDKUnknownMessage>,
): string | undefined {
  if (!(Symbol.iterator in input)) return input.subtype === 'success' ? input.result : undefined;
  let lastResult: SDKResultMessage | undefined;
  let lastText: string | undefined;
  for (const msg of input) {
    if (isResultMessage(msg)) lastResult = msg;
    else if (isAssistantMessage(msg) && msg.parent_tool_use_id === null) {
      const text = messageText(msg);
      if (text !== '') lastText = text;
    }
  }
  return lastResult?.subtype === 'success' ? lastResult.result : lastText;
}

/**
 * `structured_output` of a success result, as `T`. Not validated: the CLI checked it against
 * the JSON schema, this only types it. `undefined` when there is none, e.g. when the model never
 * called the StructuredOutput tool (h3) or the result is an error.
 */
export function structuredOutput<T = unknown>(result: SDKResultMessage | undefined): T | undefined {
  if (result?.subtype !== 'success') return undefined;
  return result.structured_output as T | undefined;
}
