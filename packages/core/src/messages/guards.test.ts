import { describe, expect, it } from 'vitest';
import type { SDKAssistantMessage } from './assistant.js';
import type { ContentBlock, UnknownContentBlock } from './content.js';
import {
  isAssistantMessage,
  isInitMessage,
  isResultError,
  isResultMessage,
  isResultSuccess,
  isSystemMessage,
  isSystemOtherMessage,
  isTextBlock,
  isToolUseBlock,
  isUnknownContentBlock,
  isUnknownMessage,
} from './guards.js';
import type { SDKResultMessage, SDKResultSuccess } from './result.js';
import type { SDKMessage, SDKUnknownMessage } from './SDKMessage.js';

const ids = { session_id: 's', uuid: 'u' };

function assistant(content: (ContentBlock | UnknownContentBlock)[], parent: string | null = null) {
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
  } satisfies SDKAssistantMessage;
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

describe('unknown messages', () => {
  it('know tool_progress and system/notification (typed since CLI 2.1.331)', () => {
    expect(isUnknownMessage({ type: 'tool_progress', ...ids } as never)).toBe(false);
    expect(isSystemOtherMessage({ type: 'system', subtype: 'notification', ...ids } as never)).toBe(
      false,
    );
  });

  it('type model_refusal_no_fallback and control_request_progress (not "other" any more)', () => {
    const lines = [
      '{"type":"system","subtype":"model_refusal_no_fallback","original_model":"claude-opus-5-5","request_id":null,"content":"I can\'t help with that.","uuid":"u","session_id":"s"}',
      '{"type":"system","subtype":"control_request_progress","request_id":"req_1","status":"api_retry","attempt":2,"max_retries":10,"retry_delay_ms":500,"error_status":529,"uuid":"u","session_id":"s"}',
    ].map((l) => JSON.parse(l) as SDKMessage);
    for (const m of lines) {
      expect(isSystemMessage(m)).toBe(true);
      expect(isSystemOtherMessage(m)).toBe(false);
    }
    const [refusal, progress] = lines;
    if (refusal?.type === 'system' && refusal.subtype === 'model_refusal_no_fallback') {
      expect(refusal.original_model).toBe('claude-opus-5-5');
    } else expect.unreachable();
    if (progress?.type === 'system' && progress.subtype === 'control_request_progress') {
      expect([progress.request_id, progress.status, progress.attempt]).toEqual([
        'req_1',
        'api_retry',
        2,
      ]);
    } else expect.unreachable();
  });

  it('are recognised, and delivered with every field intact', () => {
    const line =
      '{"type":"keep_alive"}\n{"type":"future_kind","tool_use_id":"t","elapsed_time_seconds":3}';
    const msgs = line.split('\n').map((l) => JSON.parse(l) as SDKMessage | SDKUnknownMessage);
    expect(msgs.map(isUnknownMessage)).toEqual([true, true]);
    const [, progress] = msgs;
    if (progress && isUnknownMessage(progress)) {
      expect(progress.type).toBe('future_kind');
      expect(progress['elapsed_time_seconds']).toBe(3);
    }
    for (const m of msgs) expect(isAssistantMessage(m) || isResultMessage(m)).toBe(false);
  });

  it('a system message with an unnamed subtype is a system message, of the "other" kind', () => {
    const m = { type: 'system', subtype: 'future_subtype', text: 'hi', ...ids } as const;
    expect(isUnknownMessage(m)).toBe(false);
    expect(isSystemMessage(m)).toBe(true);
    expect(isSystemOtherMessage(m)).toBe(true);
    expect(isInitMessage(m)).toBe(false);
    if (isSystemOtherMessage(m)) expect(m['text']).toBe('hi');
  });
});

describe('unknown content blocks', () => {
  it('are recognised and kept in place', () => {
    const server = { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: {} };
    const msg = assistant([{ type: 'text', text: 'a' }, server, { type: 'text', text: 'b' }]);
    expect(msg.message.content.map((b) => isUnknownContentBlock(b))).toEqual([false, true, false]);
    expect(msg.message.content[1]).toBe(server);
    expect(msg.message.content.filter(isTextBlock)).toHaveLength(2);
    expect(msg.message.content.filter(isToolUseBlock)).toHaveLength(0);
  });
});

describe('result guards', () => {
  it('treat an API error (subtype success, is_error true) as an error (docs/protocol.md §9.3)', () => {
    const apiError = result({
      is_error: true,
      result: 'Invalid API key · Fix external API key',
      api_error_status: 401,
      terminal_reason: 'api_error',
    });
    expect(isResultError(apiError)).toBe(true);
    expect(isResultSuccess(apiError)).toBe(false);
  });

  it('treat a real success as a success', () => {
    const ok = result();
    expect(isResultSuccess(ok)).toBe(true);
    expect(isResultError(ok)).toBe(false);
  });
});
