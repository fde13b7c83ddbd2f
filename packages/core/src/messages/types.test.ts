// Type-level tests: these assertions are checked by `tsc` (the package's `typecheck` script
// includes test files); at runtime vitest only runs the functions.
import type { SDKEventMessage, SDKToolProgressMessage } from './events.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { SDKAssistantMessage } from './assistant.js';
import type {
  KNOWN_CONTENT_BLOCK_TYPES,
  ContentBlock,
  TextBlock,
  ToolResultBlock,
  ToolUseBlock,
} from './content.js';
import type { CONTROL_MESSAGE_TYPES, SDKControlMessage, SDKControlRequest } from './control.js';
import { isInitMessage, isResultError, isResultSuccess, isUnknownMessage } from './guards.js';
import type { SDKResultError, SDKResultMessage, SDKResultSuccess } from './result.js';
import type { KNOWN_MESSAGE_TYPES, SDKMessage, SDKUnknownMessage } from './SDKMessage.js';
import type { SDKStreamEvent } from './streamEvent.js';
import type {
  KNOWN_SYSTEM_SUBTYPES,
  SDKSystemInitMessage,
  SDKSystemMessage,
  SDKSystemStatusMessage,
} from './system.js';
import type { SDKUserMessage, SDKUserMessageInput } from './user.js';

// A value for the runtime run; the assertions only look at the declared types.
function sample(): SDKMessage | SDKUnknownMessage {
  return JSON.parse('{"type":"keep_alive"}') as SDKUnknownMessage;
}
const anyMsg = sample();
const msg = anyMsg as SDKMessage;

describe('type narrowing', () => {
  it('switch (msg.type) narrows to exactly one message type', () => {
    const check = (m: SDKMessage) => {
      switch (m.type) {
        case 'assistant':
          return expectTypeOf(m).toEqualTypeOf<SDKAssistantMessage>();
        case 'user':
          return expectTypeOf(m).toEqualTypeOf<SDKUserMessage>();
        case 'system':
          return expectTypeOf(m).toEqualTypeOf<SDKSystemMessage>();
        case 'result':
          return expectTypeOf(m).toEqualTypeOf<SDKResultMessage>();
        case 'stream_event':
          return expectTypeOf(m).toEqualTypeOf<SDKStreamEvent>();
        case 'tool_progress':
          return expectTypeOf(m).toEqualTypeOf<SDKToolProgressMessage>();
        case 'rate_limit_event':
        case 'prompt_suggestion':
        case 'conversation_reset':
        case 'tool_use_summary':
        case 'auth_status':
        case 'active_goal':
          return expectTypeOf(m).toExtend<SDKEventMessage>();
        default:
          // Reachable at runtime for unknown types; the union names none of them.
          return expectTypeOf(m).toBeNever();
      }
    };
    check(msg);
  });

  it("result.subtype === 'success' narrows to `result: string`", () => {
    const check = (r: SDKResultMessage) => {
      if (r.subtype === 'success') {
        expectTypeOf(r).toEqualTypeOf<SDKResultSuccess>();
        expectTypeOf(r.result).toEqualTypeOf<string>();
      } else {
        expectTypeOf(r).toEqualTypeOf<SDKResultError>();
        expectTypeOf(r.errors).toEqualTypeOf<string[]>();
        expectTypeOf(r).not.toHaveProperty('result');
      }
    };
    if (msg.type === 'result') check(msg);
  });

  it('system subtypes narrow', () => {
    if (msg.type === 'system') {
      if (msg.subtype === 'init') expectTypeOf(msg).toEqualTypeOf<SDKSystemInitMessage>();
      if (msg.subtype === 'status') expectTypeOf(msg).toEqualTypeOf<SDKSystemStatusMessage>();
    }
  });

  it('content blocks and stream deltas narrow', () => {
    const block = {} as ContentBlock;
    if (block.type === 'text') expectTypeOf(block).toEqualTypeOf<TextBlock>();
    if (block.type === 'tool_use')
      expectTypeOf(block.input).toEqualTypeOf<Record<string, unknown>>();
    if (block.type === 'tool_result') {
      expectTypeOf(block).toEqualTypeOf<ToolResultBlock>();
      expectTypeOf(block.is_error).toEqualTypeOf<boolean | undefined>();
    }
    if (msg.type === 'stream_event' && msg.event.type === 'content_block_delta') {
      const d = msg.event.delta;
      if (d.type === 'input_json_delta') expectTypeOf(d.partial_json).toEqualTypeOf<string>();
      if (d.type === 'text_delta') expectTypeOf(d.text).toEqualTypeOf<string>();
    }
  });
});

describe('guards', () => {
  it('narrow, and isResultError keys on is_error, not subtype', () => {
    if (isResultError(anyMsg)) {
      expectTypeOf(anyMsg.is_error).toEqualTypeOf<true>();
      // An API error is a success-subtype result that carries `result` text.
      if (anyMsg.subtype === 'success') expectTypeOf(anyMsg.result).toEqualTypeOf<string>();
    }
    if (isResultSuccess(anyMsg)) {
      expectTypeOf(anyMsg.is_error).toEqualTypeOf<false>();
      expectTypeOf(anyMsg.result).toEqualTypeOf<string>();
    }
    if (isInitMessage(anyMsg)) expectTypeOf(anyMsg).toEqualTypeOf<SDKSystemInitMessage>();
  });

  it('isUnknownMessage narrows to SDKUnknownMessage and leaves SDKMessage otherwise', () => {
    if (isUnknownMessage(anyMsg)) {
      expectTypeOf(anyMsg.type).toEqualTypeOf<string>();
    } else {
      expectTypeOf(anyMsg).toEqualTypeOf<SDKMessage>();
    }
  });
});

describe('constant lists match the unions', () => {
  it('KNOWN_MESSAGE_TYPES names every SDKMessage type', () => {
    expectTypeOf<(typeof KNOWN_MESSAGE_TYPES)[number]>().toEqualTypeOf<SDKMessage['type']>();
  });
  it('KNOWN_SYSTEM_SUBTYPES names every SDKSystemMessage subtype', () => {
    expectTypeOf<(typeof KNOWN_SYSTEM_SUBTYPES)[number]>().toEqualTypeOf<
      SDKSystemMessage['subtype']
    >();
  });
  it('KNOWN_CONTENT_BLOCK_TYPES names every ContentBlock type', () => {
    expectTypeOf<(typeof KNOWN_CONTENT_BLOCK_TYPES)[number]>().toEqualTypeOf<
      ContentBlock['type']
    >();
  });
  it('CONTROL_MESSAGE_TYPES names every control message type, none of them in SDKMessage', () => {
    expectTypeOf<(typeof CONTROL_MESSAGE_TYPES)[number]>().toEqualTypeOf<
      SDKControlMessage['type']
    >();
    expectTypeOf<Extract<SDKMessage['type'], SDKControlMessage['type']>>().toBeNever();
  });
});

describe('wire input shapes', () => {
  it('SDKUserMessageInput takes what the SDK writes on stdin (docs/protocol.md §3.2)', () => {
    const blocks = {
      type: 'user',
      session_id: '',
      message: { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      parent_tool_use_id: null,
    } satisfies SDKUserMessageInput;
    const plain = {
      type: 'user',
      session_id: '',
      message: { role: 'user', content: 'plain string content' },
      parent_tool_use_id: null,
    } satisfies SDKUserMessageInput;
    const noRole = {
      type: 'user',
      session_id: '',
      message: { content: 'x' },
      parent_tool_use_id: null,
    };
    expectTypeOf(blocks).toExtend<SDKUserMessageInput>();
    expectTypeOf(plain).toExtend<SDKUserMessageInput>();
    // Without role the CLI exits (docs/protocol.md §7), so the type requires it.
    expectTypeOf(noRole).not.toExtend<SDKUserMessageInput>();
  });

  it('SDKControlRequest defaults to the inbound payloads and narrows on subtype', () => {
    const check = (r: SDKControlRequest) => {
      if (r.request.subtype === 'can_use_tool') {
        expectTypeOf(r.request.tool_name).toEqualTypeOf<string>();
        expectTypeOf(r.request.input).toEqualTypeOf<Record<string, unknown>>();
      }
      if (r.request.subtype === 'hook_callback') {
        expectTypeOf(r.request.tool_use_id).toEqualTypeOf<string | undefined>();
      }
    };
    expectTypeOf(check).parameter(0).toHaveProperty('request_id');
    expectTypeOf<ToolUseBlock['type']>().toEqualTypeOf<'tool_use'>();
  });
});
