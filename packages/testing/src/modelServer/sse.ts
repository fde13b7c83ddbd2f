import type { ApiMessage } from './apiMessage.js';

/** One Messages API stream event (the JSON of an SSE `data:` line). */
export interface StreamEvent {
  type: string;
  [field: string]: unknown;
}

/** A stream event plus how many characters of block content it carries (for stall points). */
export interface StreamStep {
  event: StreamEvent;
  /** Characters of text / thinking / tool-input JSON carried by this event (0 for framing events). */
  chars: number;
}

/** Splits `text` into pieces of at most `size` code points (never inside a surrogate pair). */
export function chunkText(text: string, size: number): string[] {
  const points = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < points.length; i += size) chunks.push(points.slice(i, i + size).join(''));
  return chunks;
}

/** Frames one event the way the Anthropic API does: `event: <type>\ndata: <json>\n\n`. */
export function formatSseEvent(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * The stream events of a message, in the API's order: `message_start`, `ping`, per block
 * `content_block_start` / `content_block_delta`… / `content_block_stop`, `message_delta`,
 * `message_stop`. Text, thinking and tool input are split into chunks of `chunkChars` characters.
 */
export function messageStreamSteps(message: ApiMessage, chunkChars: number): StreamStep[] {
  const steps: StreamStep[] = [];
  const push = (event: StreamEvent, chars = 0): void => {
    steps.push({ event, chars });
  };
  const { usage } = message;

  push({
    type: 'message_start',
    message: {
      id: message.id,
      type: 'message',
      role: 'assistant',
      model: message.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: usage.input_tokens,
        output_tokens: Math.min(1, usage.output_tokens),
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
      },
    },
  });
  push({ type: 'ping' });

  message.content.forEach((block, index) => {
    const delta = (payload: Record<string, unknown>, chars: number): void => {
      push({ type: 'content_block_delta', index, delta: payload }, chars);
    };
    switch (block.type) {
      case 'text':
        push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
        for (const piece of chunkText(block.text, chunkChars)) {
          delta({ type: 'text_delta', text: piece }, piece.length);
        }
        break;
      case 'thinking':
        push({
          type: 'content_block_start',
          index,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        });
        for (const piece of chunkText(block.thinking, chunkChars)) {
          delta({ type: 'thinking_delta', thinking: piece }, piece.length);
        }
        delta({ type: 'signature_delta', signature: block.signature }, 0);
        break;
      case 'tool_use':
        push({
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        });
        for (const piece of chunkText(JSON.stringify(block.input), chunkChars)) {
          delta({ type: 'input_json_delta', partial_json: piece }, piece.length);
        }
        break;
      case 'redacted_thinking':
        push({ type: 'content_block_start', index, content_block: { ...block } });
        break;
    }
    push({ type: 'content_block_stop', index });
  });

  push({
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: {
      output_tokens: usage.output_tokens,
      cache_creation_input_tokens: usage.cache_creation_input_tokens,
      cache_read_input_tokens: usage.cache_read_input_tokens,
      input_tokens: usage.input_tokens,
    },
  });
  push({ type: 'message_stop' });
  return steps;
}

/**
 * Index of the step after which a stalled stream holds: the first step at which at least
 * `afterChars` characters of block content have been sent (`0`: right after `message_start` and
 * `ping`). When the content is shorter, the stream holds before `message_delta`.
 */
export function stallStepIndex(steps: readonly StreamStep[], afterChars: number): number {
  const startIndex = steps.findIndex((s) => s.event.type === 'ping');
  if (afterChars <= 0) return startIndex;
  let sent = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) continue;
    sent += step.chars;
    if (step.chars > 0 && sent >= afterChars) return i;
  }
  return steps.findIndex((s) => s.event.type === 'message_delta') - 1;
}
