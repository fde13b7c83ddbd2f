import type { HooksConfig, SDKMessage, SDKResultMessage } from '@agentsdk/core';
import type { RecordedRequest } from '@agentsdk/testing';

export async function collect(iterable: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const out: SDKMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

export function results(messages: SDKMessage[]): SDKResultMessage[] {
  return messages.filter((m): m is SDKResultMessage => m.type === 'result');
}

export interface ApiToolResult {
  tool_use_id: string;
  content: unknown;
  is_error?: boolean;
}

/** The tool_result blocks a model request carried (what the model got to read). */
export function toolResultsIn(request: RecordedRequest | undefined): ApiToolResult[] {
  const messages = (request?.body?.messages ?? []) as Array<{ role: string; content: unknown }>;
  const out: ApiToolResult[] = [];
  for (const m of messages) {
    if (m.role !== 'user' || !Array.isArray(m.content)) continue;
    for (const block of m.content as Array<Record<string, unknown>>) {
      if (block.type === 'tool_result') out.push(block as unknown as ApiToolResult);
    }
  }
  return out;
}

/** All text the model saw in a request (system prompt and messages), for "did it arrive" checks. */
export function textSeen(request: RecordedRequest | undefined): string {
  return JSON.stringify([request?.body?.system, request?.body?.messages]);
}

export const say = (text: string) => ({ content: [{ type: 'text' as const, text }] });

export const callTool = (name: string, input: Record<string, unknown>, id?: string) => ({
  content: [{ type: 'tool_use' as const, name, input, ...(id ? { id } : {}) }],
});

/** PreToolUse hooks that deny `tool` with `reason`, recording each call they see in `seen`. */
export function denyTool(tool: string, reason: string, seen: string[]): HooksConfig {
  return {
    PreToolUse: [
      {
        matcher: tool,
        hooks: [
          (input) => {
            seen.push(input.tool_name);
            return {
              hookSpecificOutput: {
                hookEventName: 'PreToolUse',
                permissionDecision: 'deny',
                permissionDecisionReason: reason,
              },
            };
          },
        ],
      },
    ],
  };
}
