import { describe, expect, it } from 'vitest';
import type { SDKAssistantMessage } from './assistant.js';
import type { ContentBlock, UnknownContentBlock } from './content.js';
import { finalText, messageText, structuredOutput, toolResults, toolUses } from './helpers.js';
import type { SDKResultMessage, SDKResultSuccess } from './result.js';
import type { SDKUserMessage } from './user.js';

// Real-message cases are in traces.test.ts; these cover what the traces do not show.

const ids = { session_id: 's', uuid: 'u' };

function assistant(
  content: (ContentBlock | UnknownContentBlock)[],
  parent: string | null = null,
): SDKAssistantMessage {
  return {
    type: 'assistant',
    message: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-5-5',
      content: content as ContentBlock[],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 1 },
    },
    parent_tool_use_id: parent,
    ...ids,
  };
}

function result(fields: Partial<SDKResultSuccess> = {}): SDKResultMessage {
  return {
    type: 'result',
    subtype: 'success',
    is_error: false,
    result: 'done',
    duration_ms: 1,
    duration_api_ms: 1,
    num_turns: 1,
    stop_reason: 'end_turn',
    total_cost_usd: 0,
    usage: {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
    modelUsage: {},
    permission_denials: [],
    ...ids,
    ...fields,
  };
}

describe('messageText / toolUses / toolResults', () => {
  it('concatenate text blocks and skip unknown blocks', () => {
    const server = { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: {} };
    const msg = assistant([{ type: 'text', text: 'a' }, server, { type: 'text', text: 'b' }]);
    expect(messageText(msg)).toBe('ab');
    expect(toolUses(msg)).toEqual([]);
  });

  it('read string content of a replayed user message', () => {
    const replay: SDKUserMessage = {
      type: 'user',
      message: { role: 'user', content: '<local-command-stdout>Set model</local-command-stdout>' },
      parent_tool_use_id: null,
      isReplay: true,
      ...ids,
    };
    expect(messageText(replay)).toBe('<local-command-stdout>Set model</local-command-stdout>');
    expect(toolResults(replay)).toEqual([]);
  });
});

describe('finalText', () => {
  it('returns the result text, which is the error text for an API error (docs/protocol.md §9.3)', () => {
    const apiError = result({ is_error: true, result: 'Invalid API key · Fix external API key' });
    expect(finalText(apiError)).toBe('Invalid API key · Fix external API key');
    expect(finalText([assistant([{ type: 'text', text: 'x' }]), apiError])).toBe(
      'Invalid API key · Fix external API key',
    );
  });

  it('falls back to the last main-agent assistant text when no result succeeded', () => {
    const msgs = [
      assistant([{ type: 'text', text: 'main answer' }]),
      assistant([{ type: 'text', text: 'subagent chatter' }], 'toolu_agent'),
      assistant([{ type: 'tool_use', id: 't', name: 'Read', input: {} }]),
    ];
    expect(finalText(msgs)).toBe('main answer');
    expect(finalText([])).toBeUndefined();
  });

  it('accepts any iterable, including unknown messages', () => {
    function* stream() {
      yield { type: 'keep_alive' };
      yield assistant([{ type: 'text', text: 'hi' }]);
    }
    expect(finalText(stream())).toBe('hi');
  });
});

describe('structuredOutput', () => {
  it('types structured_output and is undefined without it', () => {
    const r = result({ structured_output: { answer: 'Paris' } });
    const out = structuredOutput<{ answer: string }>(r);
    expect(out?.answer).toBe('Paris');
    expect(structuredOutput(result())).toBeUndefined();
    expect(structuredOutput(undefined)).toBeUndefined();
  });
});
