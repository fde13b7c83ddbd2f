import { randomId } from './ids.js';
import type { ModelContentBlock, ModelStopReason, ModelUsage } from './script.js';

/** A content block of an answered message, as on the wire (tool ids filled in). */
export type ApiContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string };

/** Usage as the API reports it (every field present). */
export type ApiUsage = Required<ModelUsage>;

/** A Messages API response message (the non-streaming body, and what a stream adds up to). */
export interface ApiMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ApiContentBlock[];
  stop_reason: ModelStopReason;
  stop_sequence: null;
  usage: ApiUsage;
}

/** Placeholder signature for thinking blocks scripted without one (the CLI does not verify it). */
export const MOCK_SIGNATURE = 'mock-signature';

/** Default usage of an answer: 10 input and 5 output tokens, no cache. */
export const DEFAULT_USAGE: ApiUsage = {
  input_tokens: 10,
  output_tokens: 5,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

/**
 * Builds the message a turn answers with: generates missing tool_use ids, fills usage defaults
 * and picks the stop reason (`tool_use` when there is a tool call, else `end_turn`).
 */
export function buildApiMessage(
  content: readonly ModelContentBlock[],
  options: { model: string; stopReason?: ModelStopReason; usage?: ModelUsage },
): ApiMessage {
  const blocks = content.map((block): ApiContentBlock => {
    switch (block.type) {
      case 'text':
        return { type: 'text', text: block.text };
      case 'tool_use':
        return {
          type: 'tool_use',
          id: block.id ?? randomId('toolu'),
          name: block.name,
          input: structuredClone(block.input),
        };
      case 'thinking':
        return {
          type: 'thinking',
          thinking: block.thinking,
          signature: block.signature ?? MOCK_SIGNATURE,
        };
      case 'redacted_thinking':
        return { type: 'redacted_thinking', data: block.data };
    }
  });
  const stopReason =
    options.stopReason ?? (blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
  return {
    id: randomId('msg'),
    type: 'message',
    role: 'assistant',
    model: options.model,
    content: blocks,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { ...DEFAULT_USAGE, ...options.usage },
  };
}
