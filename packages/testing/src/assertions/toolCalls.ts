import type { SDKMessage, SDKUnknownMessage } from '@agentsdk/core';

/** One tool use of a session and its result, as the CLI reported them. */
export interface ToolCall {
  /** The tool_use id (`toolu_…`). */
  id: string;
  /** The name the model used: `Bash`, `mcp__calc__add`, `StructuredOutput`, … */
  name: string;
  input: Record<string, unknown>;
  /** The tool_result content (a string or content blocks); `undefined` when no result came. */
  result?: unknown;
  /** The tool_result's `is_error` (a denial, a failing tool, …). */
  isError?: boolean;
  /** The Agent tool_use id when a subagent made the call, else `null`. */
  parentToolUseId: string | null;
}

/**
 * Every tool call in a session's messages, in order, each with its result: the tool_use
 * blocks of `assistant` messages matched by id with the tool_result blocks of `user` echoes.
 */
export function toolCalls(messages: Iterable<SDKMessage | SDKUnknownMessage>): ToolCall[] {
  const calls: ToolCall[] = [];
  const byId = new Map<string, ToolCall>();
  for (const message of messages) {
    const content = (message as { message?: { content?: unknown } }).message?.content;
    if (!Array.isArray(content)) continue;
    const parent = (message as { parent_tool_use_id?: unknown }).parent_tool_use_id;
    for (const block of content as Record<string, unknown>[]) {
      if (message.type === 'assistant' && block.type === 'tool_use') {
        const call: ToolCall = {
          id: String(block.id),
          name: String(block.name),
          input: (block.input ?? {}) as Record<string, unknown>,
          parentToolUseId: typeof parent === 'string' ? parent : null,
        };
        calls.push(call);
        byId.set(call.id, call);
      } else if (message.type === 'user' && block.type === 'tool_result') {
        const call = byId.get(String(block.tool_use_id));
        if (!call) continue;
        call.result = block.content;
        call.isError = block.is_error === true;
      }
    }
  }
  return calls;
}
