import { describe, expect, it } from 'vitest';
import { assembleMessage, parseSse } from '../../test/helpers/parseSse.js';
import { buildApiMessage } from './apiMessage.js';
import { chunkText, formatSseEvent, messageStreamSteps, stallStepIndex } from './sse.js';

const message = buildApiMessage(
  [
    { type: 'thinking', thinking: 'Let me think about this 🤔 carefully.', signature: 'sig-1' },
    { type: 'text', text: 'Here is a longer answer that spans several chunks.' },
    { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'echo "hi"', n: [1, 2] } },
    { type: 'redacted_thinking', data: 'opaque' },
  ],
  { model: 'claude-test', usage: { input_tokens: 7, output_tokens: 9 } },
);

function roundTrip(chunkChars: number): ReturnType<typeof parseSse> {
  return parseSse(
    messageStreamSteps(message, chunkChars)
      .map((s) => formatSseEvent(s.event))
      .join(''),
  );
}

describe('SSE framing', () => {
  it('frames each event as event: + data: lines ending with a blank line', () => {
    expect(formatSseEvent({ type: 'ping' })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
  });

  it('parses back into the same message', () => {
    const events = roundTrip(5);
    const rebuilt = assembleMessage(events);
    expect(rebuilt).toEqual({
      ...message,
      usage: message.usage,
    });
  });

  it('sends events in the API order, with several delta chunks per block', () => {
    const names = roundTrip(5).map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'ping', 'content_block_start']);
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const types = roundTrip(5)
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => (e.data as { delta: { type: string } }).delta.type);
    expect(types.filter((t) => t === 'text_delta').length).toBeGreaterThan(3);
    expect(types.filter((t) => t === 'thinking_delta').length).toBeGreaterThan(3);
    expect(types.filter((t) => t === 'input_json_delta').length).toBeGreaterThan(3);
    expect(types.filter((t) => t === 'signature_delta')).toHaveLength(1);
  });

  it('starts with provisional usage and reports the final usage and stop reason in message_delta', () => {
    const events = roundTrip(100);
    const start = events[0]?.data as {
      message: { usage: Record<string, number>; stop_reason: unknown };
    };
    expect(start.message.usage).toEqual({
      input_tokens: 7,
      output_tokens: 1,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
    expect(start.message.stop_reason).toBeNull();
    const delta = events.at(-2)?.data as { delta: unknown; usage: Record<string, number> };
    expect(delta.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
    expect(delta.usage['output_tokens']).toBe(9);
  });

  it('opens tool_use blocks with empty input and the id and name', () => {
    const start = roundTrip(5).find(
      (e) =>
        e.event === 'content_block_start' &&
        (e.data as { content_block: { type: string } }).content_block.type === 'tool_use',
    );
    expect((start?.data as { content_block: unknown }).content_block).toEqual({
      type: 'tool_use',
      id: 'toolu_1',
      name: 'Bash',
      input: {},
    });
  });
});

describe('chunkText', () => {
  it('splits on code points, never inside a surrogate pair', () => {
    expect(chunkText('ab🤔cd', 3)).toEqual(['ab🤔', 'cd']);
    expect(chunkText('', 3)).toEqual([]);
  });
});

describe('stallStepIndex', () => {
  const steps = messageStreamSteps(
    buildApiMessage([{ type: 'text', text: 'abcdefghij' }], { model: 'm' }),
    4,
  );
  const at = (i: number): string => steps[i]?.event.type ?? 'none';

  it('stalls after the delta that reaches the character count', () => {
    const i = stallStepIndex(steps, 5);
    expect(at(i)).toBe('content_block_delta');
    const sent = steps.slice(0, i + 1).reduce((n, s) => n + s.chars, 0);
    expect(sent).toBe(8);
  });

  it('stalls right after message_start and ping for 0 characters', () => {
    expect(at(stallStepIndex(steps, 0))).toBe('ping');
  });

  it('stalls before message_delta when the content is shorter', () => {
    expect(at(stallStepIndex(steps, 1000) + 1)).toBe('message_delta');
  });
});
