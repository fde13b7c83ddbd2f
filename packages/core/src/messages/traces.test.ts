// Checks the message types against every line the real CLI wrote in the recorded traces
// (test/fixtures/traces/*.jsonl, `dir: "cli->sdk"`; see docs/protocol.md): every type and subtype is one the
// types name, every key the CLI sent is a key the types name, and the guards and helpers give
// the right answers on real messages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { APIAssistantMessage, SDKAssistantMessage, ToolUseMeta } from './assistant.js';
import type {
  KNOWN_CONTENT_BLOCK_TYPES,
  TextBlock,
  ThinkingBlock,
  ToolResultBlock,
  ToolUseBlock,
} from './content.js';
import {
  CONTROL_MESSAGE_TYPES,
  type CanUseToolRequest,
  type ControlSuccessResponse,
  type HookCallbackRequest,
  type McpMessageRequest,
  type SDKControlMessage,
} from './control.js';
import {
  isAssistantMessage,
  isInitMessage,
  isResultError,
  isResultMessage,
  isResultSuccess,
  isStreamEvent,
  isSystemMessage,
  isSystemOtherMessage,
  isTextBlock,
  isThinkingBlock,
  isToolResultBlock,
  isToolUseBlock,
  isUnknownContentBlock,
  isUnknownMessage,
  isUserMessage,
} from './guards.js';
import { finalText, messageText, structuredOutput, toolResults, toolUses } from './helpers.js';
import type {
  SDKPermissionDenial,
  SDKResultError,
  SDKResultSuccess,
  SubagentStats,
} from './result.js';
import { KNOWN_MESSAGE_TYPES, type SDKMessage, type SDKUnknownMessage } from './SDKMessage.js';
import type { MessageDeltaUsage, ModelUsage, ResultUsage, Usage } from './usage.js';
import type { SDKStreamEvent } from './streamEvent.js';
import {
  KNOWN_SYSTEM_SUBTYPES,
  type SDKSystemInitMessage,
  type SDKSystemSessionStateChangedMessage,
  type SDKSystemStatusMessage,
  type SDKSystemThinkingTokensMessage,
} from './system.js';
import type { SDKUserMessage, ToolResultMeta } from './user.js';

const tracesDir = fileURLToPath(new URL('../../test/fixtures/traces/', import.meta.url));

type Stdout = SDKMessage | SDKUnknownMessage | SDKControlMessage;

function loadTrace(file: string): Stdout[] {
  const out: Stdout[] = [];
  for (const line of readFileSync(join(tracesDir, file), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { dir?: string; msg?: Stdout };
    if (record.dir === 'cli->sdk' && record.msg !== undefined) out.push(record.msg);
  }
  return out;
}

const traceFiles = readdirSync(tracesDir).filter((f) => f.endsWith('.jsonl'));
const traces = new Map(traceFiles.map((f) => [f.replace(/\.jsonl$/, ''), loadTrace(f)]));

function trace(name: string): (SDKMessage | SDKUnknownMessage)[] {
  const msgs = traces.get(name);
  if (msgs === undefined) throw new Error(`trace ${name} not found in ${tracesDir}`);
  return msgs.filter((m): m is SDKMessage | SDKUnknownMessage => !isControl(m));
}

const controlTypes: ReadonlySet<string> = new Set(CONTROL_MESSAGE_TYPES);
function isControl(m: Stdout): m is SDKControlMessage {
  return controlTypes.has(m.type);
}

// Every key of a type, listed once: `Record<keyof T, true>` makes the compiler reject both a
// missing and an extra key, so these lists stay exactly in step with the types.
type Keys<T> = Record<keyof T, true>;

const assistantKeys: Keys<SDKAssistantMessage> = {
  type: true,
  message: true,
  parent_tool_use_id: true,
  session_id: true,
  uuid: true,
  timestamp: true,
  request_id: true,
  aborted: true,
  error: true,
  is_api_error_message: true,
  api_error_status: true,
  api_error_type: true,
  tool_use_meta: true,
  thinking_duration_ms: true,
  thinking_display: true,
  agent_id: true,
  subagent_type: true,
  task_description: true,
  user_message_uuid: true,
  context_usage: true,
  usage_report: true,
};
const apiMessageKeys: Keys<APIAssistantMessage> = {
  id: true,
  type: true,
  role: true,
  model: true,
  content: true,
  stop_reason: true,
  stop_sequence: true,
  usage: true,
  context_management: true,
  container: true,
};
const usageKeys: Keys<Usage> = {
  input_tokens: true,
  output_tokens: true,
  cache_creation_input_tokens: true,
  cache_read_input_tokens: true,
  cache_creation: true,
  server_tool_use: true,
  service_tier: true,
};
const toolUseMetaKeys: Keys<ToolUseMeta> = {
  id: true,
  display_name: true,
  server_display_name: true,
  tool_name: true,
  icon_url: true,
  server_id: true,
};
const userKeys: Keys<SDKUserMessage> = {
  type: true,
  message: true,
  parent_tool_use_id: true,
  session_id: true,
  uuid: true,
  timestamp: true,
  tool_use_result: true,
  tool_result_meta: true,
  isSynthetic: true,
  isReplay: true,
  agent_id: true,
  subagent_type: true,
  task_description: true,
  origin: true,
};
const toolResultMetaKeys: Keys<ToolResultMeta> = {
  id: true,
  permission_decision: true,
  non_execution_kind: true,
  user_feedback: true,
  built_in_tool: true,
};
const blockKeys: { [K in (typeof KNOWN_CONTENT_BLOCK_TYPES)[number]]?: Record<string, true> } = {
  text: { type: true, text: true, citations: true } satisfies Keys<TextBlock>,
  thinking: { type: true, thinking: true, signature: true } satisfies Keys<ThinkingBlock>,
  tool_use: { type: true, id: true, name: true, input: true } satisfies Keys<ToolUseBlock>,
  tool_result: {
    type: true,
    tool_use_id: true,
    content: true,
    is_error: true,
  } satisfies Keys<ToolResultBlock>,
};
const systemKeysBase = { type: true, subtype: true, session_id: true, uuid: true } as const;
const systemKeys: Record<string, Record<string, true>> = {
  init: {
    ...systemKeysBase,
    cwd: true,
    tools: true,
    mcp_servers: true,
    model: true,
    permissionMode: true,
    slash_commands: true,
    apiKeySource: true,
    claude_code_version: true,
    output_style: true,
    skills: true,
    plugins: true,
    agents: true,
    terminal_slash_commands: true,
    capabilities: true,
    analytics_disabled: true,
    product_feedback_disabled: true,
    served_by_anthropic: true,
    sandbox_enabled: true,
    memory_paths: true,
    original_cwd: true,
    additional_directories: true,
    messaging_socket_path: true,
    fast_mode_state: true,
    fast_mode_disabled_reason: true,
    effort: true,
    per_turn_effort_active: true,
    ultrathink_available: true,
    ultrathink_typed_raises: true,
    view_mode: true,
    betas: true,
  } satisfies Keys<SDKSystemInitMessage>,
  status: {
    ...systemKeysBase,
    status: true,
    permissionMode: true,
    compact_result: true,
    compact_error: true,
  } satisfies Keys<SDKSystemStatusMessage>,
  session_state_changed: {
    ...systemKeysBase,
    state: true,
    sdk_host_only: true,
  } satisfies Keys<SDKSystemSessionStateChangedMessage>,
  thinking_tokens: {
    ...systemKeysBase,
    estimated_tokens: true,
    estimated_tokens_delta: true,
  } satisfies Keys<SDKSystemThinkingTokensMessage>,
};
const resultBaseKeys = {
  type: true,
  is_error: true,
  duration_ms: true,
  duration_api_ms: true,
  num_turns: true,
  stop_reason: true,
  total_cost_usd: true,
  usage: true,
  modelUsage: true,
  model_usage_since_last_result: true,
  permission_denials: true,
  terminal_reason: true,
  fast_mode_state: true,
  fast_mode_disabled_reason: true,
  subagent_stats: true,
  safety_stops: true,
  queued_turn_count: true,
  result_index: true,
  begun_message_ids: true,
  uuid: true,
  session_id: true,
} as const;
const resultSuccessKeys: Keys<SDKResultSuccess> = {
  ...resultBaseKeys,
  subtype: true,
  result: true,
  structured_output: true,
  api_error_status: true,
  api_error_type: true,
  api_error_code: true,
  ttft_ms: true,
  ttft_stream_ms: true,
  time_to_request_ms: true,
  first_content_frame_ms: true,
  deferred_tool_use: true,
};
const resultErrorKeys: Keys<SDKResultError> = {
  ...resultBaseKeys,
  subtype: true,
  errors: true,
  startup_failure_reason: true,
};
const resultUsageKeys: Keys<ResultUsage> = {
  input_tokens: true,
  output_tokens: true,
  cache_creation_input_tokens: true,
  cache_read_input_tokens: true,
  output_tokens_details: true,
  server_tool_use: true,
  service_tier: true,
  cache_creation: true,
  inference_geo: true,
  iterations: true,
  speed: true,
  fallback_credit: true,
};
const modelUsageKeys: Keys<ModelUsage> = {
  inputTokens: true,
  outputTokens: true,
  cacheReadInputTokens: true,
  cacheCreationInputTokens: true,
  webSearchRequests: true,
  costUSD: true,
  contextWindow: true,
  maxOutputTokens: true,
  thinkingTokens: true,
  cacheCreationEphemeral5mInputTokens: true,
  cacheCreationEphemeral1hInputTokens: true,
  canonicalModel: true,
  provider: true,
  costBasis: true,
};
const subagentStatsKeys: Keys<SubagentStats> = {
  spawned: true,
  requested: true,
  started_in_background: true,
  by_type: true,
  max_depth: true,
  spawned_by_subagents: true,
  completed: true,
  failed: true,
  killed: true,
  refused: true,
};
const denialKeys: Keys<SDKPermissionDenial> = {
  tool_name: true,
  tool_use_id: true,
  tool_input: true,
};
const streamEventKeys: Keys<SDKStreamEvent> = {
  type: true,
  event: true,
  parent_tool_use_id: true,
  session_id: true,
  uuid: true,
  api_message_id: true,
  ttft_ms: true,
  thinking_display: true,
  user_message_uuid: true,
};
const messageDeltaUsageKeys: Keys<MessageDeltaUsage> = {
  output_tokens: true,
  input_tokens: true,
  cache_creation_input_tokens: true,
  cache_read_input_tokens: true,
  server_tool_use: true,
};
const controlRequestKeys: Record<string, Record<string, true>> = {
  can_use_tool: {
    subtype: true,
    tool_name: true,
    input: true,
    tool_use_id: true,
    permission_suggestions: true,
    blocked_path: true,
    display_name: true,
    description: true,
    title: true,
    mcp_server: true,
    server_policy_ask_only: true,
    decision_reason: true,
    decision_reason_type: true,
    decision_reason_code: true,
    agent_id: true,
    plugin: true,
    default_to_no: true,
    suppress_always_allow_rule: true,
    requires_user_interaction: true,
    matched_ask_rule: true,
  } satisfies Keys<CanUseToolRequest>,
  hook_callback: {
    subtype: true,
    callback_id: true,
    input: true,
    tool_use_id: true,
  } satisfies Keys<HookCallbackRequest>,
  mcp_message: {
    subtype: true,
    server_name: true,
    message: true,
  } satisfies Keys<McpMessageRequest>,
};
const controlSuccessKeys: Keys<ControlSuccessResponse> = {
  subtype: true,
  request_id: true,
  response: true,
  pending_permission_requests: true,
  pending_user_dialog_requests: true,
};

/** Collects `where: key` for every key of `obj` the named key set lacks. */
function unnamedKeys(obj: object, named: Record<string, true>, where: string): string[] {
  return Object.keys(obj)
    .filter((k) => !(k in named))
    .map((k) => `${where}.${k}`);
}

function unnamedKeysOf(m: Stdout): string[] {
  const out: string[] = [];
  const check = (obj: object, named: Record<string, true>, where: string) =>
    out.push(...unnamedKeys(obj, named, where));
  switch (m.type) {
    case 'assistant': {
      const a = m as SDKAssistantMessage;
      check(a, assistantKeys, 'assistant');
      check(a.message, apiMessageKeys, 'assistant.message');
      check(a.message.usage, usageKeys, 'assistant.message.usage');
      for (const meta of a.tool_use_meta ?? []) check(meta, toolUseMetaKeys, 'tool_use_meta[]');
      for (const b of a.message.content) {
        const named = blockKeys[b.type];
        if (named) check(b, named, `assistant.content.${b.type}`);
      }
      break;
    }
    case 'user': {
      const u = m as SDKUserMessage;
      check(u, userKeys, 'user');
      for (const meta of u.tool_result_meta ?? [])
        check(meta, toolResultMetaKeys, 'tool_result_meta[]');
      if (typeof u.message.content !== 'string') {
        for (const b of u.message.content) {
          const named = blockKeys[b.type];
          if (named) check(b, named, `user.content.${b.type}`);
        }
      }
      break;
    }
    case 'system': {
      const named = systemKeys[String(m.subtype)];
      if (named) check(m, named, `system/${String(m.subtype)}`);
      break;
    }
    case 'result': {
      const r = m as SDKResultSuccess | SDKResultError;
      check(
        r,
        r.subtype === 'success' ? resultSuccessKeys : resultErrorKeys,
        `result/${r.subtype}`,
      );
      check(r.usage, resultUsageKeys, 'result.usage');
      for (const mu of Object.values(r.modelUsage))
        check(mu, modelUsageKeys, 'result.modelUsage[]');
      if (r.subagent_stats) check(r.subagent_stats, subagentStatsKeys, 'result.subagent_stats');
      for (const d of r.permission_denials) check(d, denialKeys, 'result.permission_denials[]');
      break;
    }
    case 'stream_event': {
      const s = m as SDKStreamEvent;
      check(s, streamEventKeys, 'stream_event');
      if (s.event.type === 'message_start')
        check(s.event.message, apiMessageKeys, 'message_start.message');
      if (s.event.type === 'message_delta')
        check(s.event.usage, messageDeltaUsageKeys, 'message_delta.usage');
      break;
    }
    case 'control_request': {
      const req = (m as { request: { subtype: string } }).request;
      const named = controlRequestKeys[req.subtype];
      if (named) check(req, named, `control_request/${req.subtype}`);
      break;
    }
    case 'control_response': {
      const res = (m as { response: { subtype: string } }).response;
      if (res.subtype === 'success') check(res, controlSuccessKeys, 'control_response/success');
      break;
    }
  }
  return out;
}

describe('recorded traces (test/fixtures/traces)', () => {
  it('finds the traces', () => {
    expect(traceFiles.length).toBeGreaterThanOrEqual(10);
  });

  describe.each([...traces.keys()])('%s', (name) => {
    const all = traces.get(name) ?? [];
    const msgs = trace(name);

    it('has only known top-level types, system subtypes, blocks and stream events', () => {
      const knownTypes: readonly string[] = [...KNOWN_MESSAGE_TYPES, ...CONTROL_MESSAGE_TYPES];
      const knownSubtypes: readonly string[] = KNOWN_SYSTEM_SUBTYPES;
      for (const m of all) expect(knownTypes).toContain(m.type);
      for (const m of msgs) {
        expect(isUnknownMessage(m)).toBe(false);
        if (isSystemMessage(m)) {
          expect(knownSubtypes).toContain(m.subtype);
          expect(isSystemOtherMessage(m)).toBe(false);
        }
        if (isAssistantMessage(m) || isUserMessage(m)) {
          const content = m.message.content;
          if (typeof content !== 'string') {
            for (const b of content) expect(isUnknownContentBlock(b)).toBe(false);
          }
        }
      }
    });

    it('names every key the CLI sent', () => {
      expect(all.flatMap(unnamedKeysOf)).toEqual([]);
    });

    it('classifies every message with exactly one guard', () => {
      const guards = [
        isAssistantMessage,
        isUserMessage,
        isSystemMessage,
        isResultMessage,
        isStreamEvent,
      ];
      for (const m of msgs) {
        expect(guards.filter((g) => g(m))).toHaveLength(1);
        if (isResultMessage(m)) expect(isResultSuccess(m)).toBe(!isResultError(m));
      }
    });

    it('ends each turn with a result, with an init before it', () => {
      const results = msgs.filter(isResultMessage);
      expect(results.length).toBeGreaterThan(0);
      expect(msgs.filter(isInitMessage)).toHaveLength(results.length);
      results.forEach((r, i) => expect(r.result_index).toBe(i));
    });
  });

  it('a1: finalText is the result text, and messageText of the assistant line agrees', () => {
    const msgs = trace('a1-plain-text');
    const text = 'Hello! This is a plain text answer from the mock model.';
    expect(finalText(msgs)).toBe(text);
    const result = msgs.find(isResultMessage);
    expect(result && finalText(result)).toBe(text);
    const assistant = msgs.filter(isAssistantMessage);
    expect(assistant.map(messageText)).toEqual([text]);
    // assistant lines carry stop_reason null and provisional usage (docs/protocol.md §9.4).
    expect(assistant[0]?.message.stop_reason).toBeNull();
    expect(assistant[0]?.message.usage.output_tokens).toBe(1);
    expect(result?.stop_reason).toBe('end_turn');
  });

  it('a1: system/init carries the fields of docs/protocol.md §4.3', () => {
    const init = trace('a1-plain-text').find(isInitMessage);
    expect(init).toBeDefined();
    expect(init?.model).toBe('claude-opus-5-5');
    expect(init?.permissionMode).toBe('default');
    expect(init?.tools).toContain('Bash');
    expect(init?.mcp_servers).toEqual([]);
  });

  it('b1: finalText of a multi-turn stream is the last result', () => {
    expect(finalText(trace('b1-multi-turn'))).toBe(
      'Second answer: it has about 2.1 million inhabitants.',
    );
  });

  it('c1: toolUses finds the MCP tool call, toolResults its array content', () => {
    const msgs = trace('c1-sdk-mcp-via-initialize');
    const uses = msgs.filter(isAssistantMessage).flatMap(toolUses);
    expect(uses).toEqual([
      { type: 'tool_use', id: 'toolu_calc_1', name: 'mcp__calc__add', input: { a: 2, b: 3 } },
    ]);
    const results = msgs.filter(isUserMessage).flatMap(toolResults);
    expect(results[0]?.content).toEqual([{ type: 'text', text: '5' }]);
    const init = msgs.find(isInitMessage);
    expect(init?.mcp_servers).toEqual([{ name: 'calc', status: 'connected', source: 'sdk' }]);
  });

  it('d1: the denied tool result is an error and the denial is in the result', () => {
    const msgs = trace('d1-permission-deny');
    const [denied] = msgs.filter(isUserMessage).flatMap(toolResults);
    expect(denied?.is_error).toBe(true);
    const user = msgs.find(isUserMessage);
    expect(user?.tool_result_meta?.[0]?.permission_decision?.decision).toBe('reject');
    const result = msgs.find(isResultMessage);
    expect(result?.permission_denials.map((d) => d.tool_name)).toEqual(['Bash']);
    expect(result && isResultSuccess(result)).toBe(true);
  });

  it('f1: an interrupt gives an aborted assistant line, a marker and an error result', () => {
    const msgs = trace('f1-interrupt-mid-stream');
    expect(msgs.filter(isAssistantMessage).some((m) => m.aborted === true)).toBe(true);
    const marker = msgs.filter(isUserMessage).map(messageText);
    expect(marker).toContain('[Request interrupted by user]');
    const [first, second] = msgs.filter(isResultMessage);
    expect(first && isResultError(first)).toBe(true);
    expect(first?.subtype).toBe('error_during_execution');
    expect(first?.terminal_reason).toBe('aborted_streaming');
    expect(first?.stop_reason).toBeNull();
    expect(first && finalText(first)).toBeUndefined();
    expect(second && isResultSuccess(second)).toBe(true);
    expect(finalText(msgs)).toBe('Short answer after the interrupt.');
  });

  it('h1: structuredOutput returns the parsed object; result holds its JSON text', () => {
    const result = trace('h1-structured-output').find(isResultMessage);
    expect(structuredOutput<{ answer: string; confidence: number }>(result)).toEqual({
      answer: 'Paris',
      confidence: 0.95,
    });
    expect(result && finalText(result)).toBe('{"answer":"Paris","confidence":0.95}');
    expect(result?.stop_reason).toBe('tool_use');
  });

  it('i1: thinking, text and tool_use blocks, and every stream event kind', () => {
    const msgs = trace('i1-partial-messages');
    const blocks = msgs.filter(isAssistantMessage).flatMap((m) => m.message.content);
    expect(blocks.filter(isThinkingBlock).map((b) => b.signature)).toEqual(['mock-sig-1']);
    expect(blocks.filter(isTextBlock).length).toBeGreaterThan(0);
    expect(blocks.filter(isToolUseBlock).map((b) => b.name)).toEqual(['Read']);
    expect(blocks.filter(isToolResultBlock)).toEqual([]);
    const events = msgs.filter(isStreamEvent).map((m) => m.event);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ]),
    );
    const deltas = new Set(
      events.flatMap((e) => (e.type === 'content_block_delta' ? [e.delta.type] : [])),
    );
    expect(deltas).toEqual(
      new Set(['text_delta', 'thinking_delta', 'signature_delta', 'input_json_delta']),
    );
    const json = events
      .flatMap((e) =>
        e.type === 'content_block_delta' && e.delta.type === 'input_json_delta'
          ? [e.delta.partial_json]
          : [],
      )
      .join('');
    expect(JSON.parse(json)).toHaveProperty('file_path');
    expect(finalText(msgs)).toBe('The secret word is pineapple.');
  });

  it('j3: error_max_turns is a result error with errors[] and no result text', () => {
    const msgs = trace('j3-max-turns');
    const result = msgs.find(isResultMessage);
    expect(result && isResultError(result)).toBe(true);
    expect(result && isResultSuccess(result)).toBe(false);
    expect(result?.subtype).toBe('error_max_turns');
    expect(result?.terminal_reason).toBe('max_turns');
    if (result?.subtype !== 'success')
      expect(result?.errors).toEqual(['Reached maximum number of turns (1)']);
    expect(structuredOutput(result)).toBeUndefined();
    // No assistant text in this run (only a tool_use), so finalText has nothing to fall back on.
    expect(finalText(msgs)).toBeUndefined();
  });
});
