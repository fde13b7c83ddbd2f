import {
  FIXTURE_FORMAT,
  FIXTURE_VERSION,
  type Fixture,
  type FixtureRecord,
} from '../../src/index.js';

const SESSION = '11111111-2222-4333-8444-555555555555';

/** A record without its position (`seq`, `t_ms`), one per record kind. */
export type NewRecord = FixtureRecord extends infer R
  ? R extends FixtureRecord
    ? Omit<R, 'seq' | 't_ms'>
    : never
  : never;

export interface SyntheticOptions {
  prompt?: string;
  /** Assistant text lines before the result. */
  assistantMessages?: number;
  /** Records inserted after system/init (a tool exchange, a permission ask…). */
  middle?: (add: (record: NewRecord) => void) => void;
}

/**
 * A fixture shaped like a real one-turn session (initialize, user, init answer, session state,
 * system/init, N assistant lines, result, idle, EOF, exit), built in memory.
 */
export function syntheticFixture(options: SyntheticOptions = {}): Fixture {
  const records: FixtureRecord[] = [];
  const add = (record: NewRecord): void => {
    records.push({ seq: records.length + 1, t_ms: records.length, ...record } as FixtureRecord);
  };
  const n = options.assistantMessages ?? 1;
  add({
    dir: 'sdk->cli',
    msg: {
      type: 'control_request',
      request_id: 'req_rec_1',
      request: { subtype: 'initialize', systemPrompt: [''] },
    },
  });
  add({
    dir: 'sdk->cli',
    msg: {
      type: 'user',
      session_id: '',
      message: { role: 'user', content: [{ type: 'text', text: options.prompt ?? 'Say hello' }] },
      parent_tool_use_id: null,
    },
  });
  add({
    dir: 'cli->sdk',
    msg: {
      type: 'control_response',
      response: {
        subtype: 'success',
        request_id: 'req_rec_1',
        response: { commands: [], models: [], claude_code_version: '2.1.331', pid: 1 },
      },
    },
  });
  add({ dir: 'cli->sdk', msg: state('running') });
  add({
    dir: 'cli->sdk',
    msg: {
      type: 'system',
      subtype: 'init',
      cwd: '/work',
      session_id: SESSION,
      tools: ['Bash'],
      mcp_servers: [],
      model: 'claude-opus-5-5',
      permissionMode: 'default',
      claude_code_version: '2.1.331',
      uuid: 'aaaaaaaa-0000-4000-8000-000000000000',
    },
  });
  options.middle?.(add);
  for (let i = 0; i < n; i++) {
    add({
      dir: 'cli->sdk',
      msg: {
        type: 'assistant',
        message: {
          id: `msg_${i}`,
          type: 'message',
          role: 'assistant',
          model: 'claude-opus-5-5',
          content: [{ type: 'text', text: `Line ${i} of the answer.` }],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 10, output_tokens: 1 },
        },
        parent_tool_use_id: null,
        session_id: SESSION,
        uuid: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
      },
    });
  }
  add({
    dir: 'cli->sdk',
    msg: {
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: `Line ${n - 1} of the answer.`,
      num_turns: 1,
      session_id: SESSION,
      total_cost_usd: 0.00014,
      duration_ms: 10,
      duration_api_ms: 5,
      usage: { input_tokens: 10, output_tokens: 5 },
      permission_denials: [],
      uuid: 'cccccccc-0000-4000-8000-000000000000',
    },
  });
  add({ dir: 'cli->sdk', msg: state('idle') });
  add({ dir: 'meta', event: 'end_input' });
  add({ dir: 'meta', event: 'exit', exit_code: 0, signal: null });
  return {
    header: {
      format: FIXTURE_FORMAT,
      version: FIXTURE_VERSION,
      recorded_at: '2026-01-01T00:00:00.000Z',
      cli_version: '2.1.331',
      sdk_version: '0.1.0',
      options: {},
      name: 'synthetic',
    },
    records,
    source: 'synthetic',
  };
}

function state(value: string): Record<string, unknown> {
  return {
    type: 'system',
    subtype: 'session_state_changed',
    state: value,
    sdk_host_only: true,
    uuid: 'dddddddd-0000-4000-8000-000000000000',
    session_id: SESSION,
  };
}

export const SYNTHETIC_SESSION_ID = SESSION;
