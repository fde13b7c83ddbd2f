// Checks the hook types: narrowing and callback typing at compile time, and at runtime every
// `hook_callback` input in the recorded traces (test/fixtures/traces/*.jsonl) against a
// per-event key table that the compiler keeps in step with the interfaces.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  HOOK_EVENTS,
  type AsyncHookOutput,
  type BaseHookInput,
  type HookCallback,
  type HookEvent,
  type HookInput,
  type HookInputFor,
  type HookOutput,
  type HookOutputFor,
  type HooksConfig,
  type HookSpecificOutput,
  type PermissionRequestHookInput,
  type PostToolUseHookInput,
  type PreToolUseHookInput,
  type PreToolUseHookSpecificOutput,
  type UserPromptSubmitHookInput,
} from './types.js';

/** `true` for a required key of T, `false` for an optional one; every key must be listed. */
type KeyTable<T> = { [K in keyof T]-?: object extends Pick<T, K> ? false : true };

const BASE: KeyTable<BaseHookInput> = {
  hook_event_name: true,
  session_id: true,
  transcript_path: true,
  cwd: true,
  prompt_id: false,
  permission_mode: false,
  agent_id: false,
  agent_type: false,
  effort: false,
};

const TOOL = { tool_name: true, tool_input: true, mcp_server: false } as const;
const STOP_EXTRAS = {
  stop_hook_active: true,
  last_assistant_message: false,
  background_tasks: false,
  session_crons: false,
} as const;
const MODEL_SWITCH = {
  from_model: true,
  to_model: true,
  requested_model: true,
  source: true,
  context_tokens: true,
  prompt_cache_warm: true,
  cache_ttl: true,
  estimated_cache_write_usd: true,
  pricing: true,
} as const;
const TASK = {
  task_id: true,
  task_subject: true,
  task_description: false,
  teammate_name: false,
  team_name: false,
} as const;

/** Which keys each event's input declares, and which of them are required. */
const KEYS: { [E in HookEvent]: KeyTable<HookInputFor<E>> } = {
  PreToolUse: { ...BASE, ...TOOL, tool_use_id: true },
  PostToolUse: { ...BASE, ...TOOL, tool_use_id: true, tool_response: true, duration_ms: false },
  PostToolUseFailure: {
    ...BASE,
    ...TOOL,
    tool_use_id: true,
    error: true,
    is_interrupt: false,
    duration_ms: false,
  },
  PostToolBatch: { ...BASE, tool_calls: true },
  Notification: { ...BASE, message: true, title: false, notification_type: true },
  UserPromptSubmit: { ...BASE, prompt: true, source: false, session_title: false },
  UserPromptExpansion: {
    ...BASE,
    expansion_type: true,
    command_name: true,
    command_args: true,
    command_source: false,
    prompt: true,
  },
  SessionStart: {
    ...BASE,
    source: true,
    model: false,
    session_title: false,
    seconds_since_last_response: false,
    context_tokens: false,
    prompt_cache_likely_expired: false,
    estimated_cache_write_usd: false,
  },
  SessionEnd: { ...BASE, reason: true },
  Stop: { ...BASE, ...STOP_EXTRAS },
  StopFailure: { ...BASE, error: true, error_details: false, last_assistant_message: false },
  SubagentStart: { ...BASE, agent_id: true, agent_type: true },
  SubagentStop: {
    ...BASE,
    ...STOP_EXTRAS,
    agent_id: true,
    agent_type: true,
    agent_transcript_path: true,
  },
  PreCompact: { ...BASE, trigger: true, custom_instructions: true },
  PostCompact: { ...BASE, trigger: true, compact_summary: true },
  PreModelSwitch: { ...BASE, ...MODEL_SWITCH },
  PostModelSwitch: { ...BASE, ...MODEL_SWITCH },
  PermissionRequest: { ...BASE, ...TOOL, permission_suggestions: false },
  PermissionDenied: { ...BASE, ...TOOL, tool_use_id: true, reason: true },
  Setup: { ...BASE, trigger: true },
  TeammateIdle: { ...BASE, teammate_name: true, team_name: true },
  TaskCreated: { ...BASE, ...TASK },
  TaskCompleted: { ...BASE, ...TASK },
  Elicitation: {
    ...BASE,
    mcp_server_name: true,
    message: true,
    mode: false,
    url: false,
    elicitation_id: false,
    requested_schema: false,
  },
  ElicitationResult: {
    ...BASE,
    mcp_server_name: true,
    elicitation_id: false,
    mode: false,
    action: true,
    content: false,
  },
  ConfigChange: { ...BASE, source: true, file_path: false },
  WorktreeCreate: { ...BASE, name: true },
  WorktreeRemove: { ...BASE, worktree_path: true },
  InstructionsLoaded: {
    ...BASE,
    file_path: true,
    memory_type: true,
    load_reason: true,
    globs: false,
    trigger_file_path: false,
    parent_file_path: false,
  },
  CwdChanged: { ...BASE, old_cwd: true, new_cwd: true },
  FileChanged: { ...BASE, file_path: true, event: true },
  DirectoryAdded: { ...BASE, directory: true, source: true },
  MessageDisplay: {
    ...BASE,
    turn_id: true,
    message_id: true,
    index: true,
    final: true,
    delta: true,
  },
  Interrupt: { ...BASE, source: true, reason: true, via: false },
  PreSkillShellCommand: {
    ...BASE,
    tool_name: true,
    tool_input: true,
    tool_use_id: true,
    command_name: true,
    command_source: false,
    invoked_by: true,
  },
};

function isHookEvent(name: unknown): name is HookEvent {
  return (HOOK_EVENTS as readonly unknown[]).includes(name);
}

describe('HOOK_EVENTS', () => {
  it('lists the 35 events of the CLI, once each', () => {
    expect(HOOK_EVENTS).toEqual([
      'PreToolUse',
      'PostToolUse',
      'PostToolUseFailure',
      'PostToolBatch',
      'Notification',
      'UserPromptSubmit',
      'UserPromptExpansion',
      'SessionStart',
      'SessionEnd',
      'Stop',
      'StopFailure',
      'Interrupt',
      'SubagentStart',
      'SubagentStop',
      'PreCompact',
      'PostCompact',
      'PreModelSwitch',
      'PostModelSwitch',
      'PermissionRequest',
      'PermissionDenied',
      'Setup',
      'TeammateIdle',
      'TaskCreated',
      'TaskCompleted',
      'Elicitation',
      'ElicitationResult',
      'ConfigChange',
      'WorktreeCreate',
      'WorktreeRemove',
      'InstructionsLoaded',
      'CwdChanged',
      'FileChanged',
      'DirectoryAdded',
      'MessageDisplay',
      'PreSkillShellCommand',
    ]);
    expect(new Set(HOOK_EVENTS).size).toBe(35);
  });

  it('has one input interface per event, with that literal hook_event_name', () => {
    expectTypeOf<HookInput['hook_event_name']>().toEqualTypeOf<HookEvent>();
    expect(Object.keys(KEYS).sort()).toEqual([...HOOK_EVENTS].sort());
  });
});

describe('input types', () => {
  it('narrows HookInputFor to the event', () => {
    expectTypeOf<HookInputFor<'PreToolUse'>>().toEqualTypeOf<PreToolUseHookInput>();
    expectTypeOf<HookInputFor<'PreToolUse'>['tool_input']>().toEqualTypeOf<
      Record<string, unknown>
    >();
    expectTypeOf<HookInputFor<'PostToolUse'>['tool_response']>().toBeUnknown();
    expectTypeOf<HookInputFor<'UserPromptSubmit'>>().toEqualTypeOf<UserPromptSubmitHookInput>();
    expectTypeOf<HookInputFor<'PreToolUse' | 'PostToolUse'>>().toEqualTypeOf<
      PreToolUseHookInput | PostToolUseHookInput
    >();
    expectTypeOf<HookInputFor<'PreToolUse'>>().not.toHaveProperty('prompt');
  });

  it('narrows a HookInput on hook_event_name', () => {
    const describeInput = (input: HookInput): string => {
      switch (input.hook_event_name) {
        case 'PreToolUse':
          expectTypeOf(input).toEqualTypeOf<PreToolUseHookInput>();
          return `${input.tool_name} ${input.tool_use_id}`;
        case 'UserPromptSubmit':
          return input.prompt;
        case 'PermissionRequest':
          expectTypeOf(input.permission_suggestions).toEqualTypeOf<
            PermissionRequestHookInput['permission_suggestions']
          >();
          // @ts-expect-error PermissionRequest carries no tool_use_id
          return input.tool_use_id;
        default:
          return input.hook_event_name;
      }
    };
    expect(
      describeInput({
        hook_event_name: 'UserPromptSubmit',
        session_id: 's',
        transcript_path: 't',
        cwd: '/',
        prompt: 'hi',
      }),
    ).toBe('hi');
  });
});

describe('output and callback types', () => {
  it('types hookSpecificOutput per event', () => {
    expectTypeOf<HookOutputFor<'PreToolUse'>['hookSpecificOutput']>().toEqualTypeOf<
      PreToolUseHookSpecificOutput | undefined
    >();
    expectTypeOf<HookOutput['hookSpecificOutput']>().toEqualTypeOf<
      HookSpecificOutput | undefined
    >();
    // Events without event-specific output take none.
    expectTypeOf<HookOutputFor<'SessionEnd'>['hookSpecificOutput']>().toEqualTypeOf<undefined>();
    expectTypeOf<
      Extract<HookSpecificOutput, { hookEventName: 'PreToolUse' }>['permissionDecision']
    >().toEqualTypeOf<'allow' | 'deny' | 'ask' | 'defer' | undefined>();
  });

  it('types a HooksConfig callback by its event', () => {
    const config: HooksConfig = {
      PreToolUse: [
        {
          matcher: 'Bash',
          timeout: 30,
          hooks: [
            async (input, toolUseId, { signal }) => {
              expectTypeOf(input).toEqualTypeOf<PreToolUseHookInput>();
              expectTypeOf(toolUseId).toEqualTypeOf<string | undefined>();
              expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
              if (input.tool_name !== 'Bash') return;
              return {
                hookSpecificOutput: {
                  hookEventName: 'PreToolUse',
                  permissionDecision: 'deny',
                  permissionDecisionReason: String(input.tool_input.command),
                },
              };
            },
          ],
        },
        // @ts-expect-error a PreToolUse input has no prompt
        { hooks: [(input) => ({ reason: input.prompt })] },
        { hooks: [() => ({ async: true, asyncTimeout: 5000 })] },
        { hooks: [() => ({}), () => {}] },
      ],
      PostToolUse: [
        {
          hooks: [
            (input) => ({
              hookSpecificOutput: {
                hookEventName: 'PostToolUse',
                additionalContext: `${input.tool_name} returned ${typeof input.tool_response}`,
                updatedMCPToolOutput: [{ type: 'text', text: 'redacted' }],
              },
            }),
          ],
        },
      ],
      UserPromptSubmit: [
        {
          hooks: [
            async (input) => ({
              hookSpecificOutput: {
                hookEventName: 'UserPromptSubmit',
                additionalContext: input.prompt,
              },
            }),
          ],
        },
      ],
      PermissionRequest: [
        {
          hooks: [
            (input) => ({
              hookSpecificOutput: {
                hookEventName: 'PermissionRequest',
                decision:
                  input.tool_name === 'Bash'
                    ? { behavior: 'deny', message: 'no', interrupt: true }
                    : { behavior: 'allow', updatedPermissions: input.permission_suggestions ?? [] },
              },
            }),
          ],
        },
      ],
      SessionEnd: [
        {
          hooks: [
            // @ts-expect-error SessionEnd has no hookSpecificOutput
            () => ({ hookSpecificOutput: { hookEventName: 'SessionEnd' } }),
            (input) => ({ systemMessage: input.reason }),
          ],
        },
      ],
    };
    expect(config.PreToolUse).toHaveLength(4);

    // Alone in its config: array literal element types are subtype-reduced, so beside a
    // `() => void` callback a wrongly typed one would be hidden (a TypeScript quirk).
    const wrongEvent: HooksConfig = {
      PreToolUse: [
        {
          // @ts-expect-error a PreToolUse hook cannot answer with another event's output
          hooks: [() => ({ hookSpecificOutput: { hookEventName: 'PostToolUse' } })],
        },
      ],
    };
    expect(wrongEvent.PreToolUse).toHaveLength(1);
  });

  it('lets a callback written for every event sit under any event', () => {
    const log = (input: HookInput): HookOutput<never> => ({ systemMessage: input.hook_event_name });
    const config: HooksConfig = { PreToolUse: [{ hooks: [log] }], Stop: [{ hooks: [log] }] };
    expectTypeOf<HookCallback<'Stop'>>().returns.toEqualTypeOf<
      | Promise<HookOutputFor<'Stop'> | AsyncHookOutput | void>
      | HookOutputFor<'Stop'>
      | AsyncHookOutput
      | void
    >();
    expect(Object.keys(config)).toEqual(['PreToolUse', 'Stop']);
  });
});

const tracesDir = fileURLToPath(new URL('../../test/fixtures/traces/', import.meta.url));

interface TracedHookCallback {
  file: string;
  seq: unknown;
  input: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadHookCallbacks(): TracedHookCallback[] {
  const found: TracedHookCallback[] = [];
  for (const file of readdirSync(tracesDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(tracesDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry: unknown = JSON.parse(line);
      if (!isRecord(entry) || entry.dir !== 'cli->sdk' || !isRecord(entry.msg)) continue;
      const request = entry.msg.request;
      if (!isRecord(request) || request.subtype !== 'hook_callback') continue;
      if (!isRecord(request.input)) throw new Error(`${file} seq ${String(entry.seq)}: no input`);
      found.push({ file, seq: entry.seq, input: request.input });
    }
  }
  return found;
}

describe('hook_callback inputs in the recorded traces (test/fixtures/traces)', () => {
  const callbacks = loadHookCallbacks();

  it('finds some', () => {
    expect(callbacks.length).toBeGreaterThan(0);
  });

  it.each(callbacks.map((c) => [`${c.file} seq ${String(c.seq)}`, c] as const))(
    '%s matches its input type',
    (_name, { input }) => {
      const event = input.hook_event_name;
      expect(isHookEvent(event), `hook_event_name ${String(event)}`).toBe(true);
      if (!isHookEvent(event)) return;
      const table: Record<string, boolean> = KEYS[event];
      const required = Object.keys(table).filter((k) => table[k]);
      expect(Object.keys(input)).toEqual(expect.arrayContaining(required));
      // Every key the CLI sent is one the type names.
      expect(Object.keys(input).filter((k) => !(k in table))).toEqual([]);
    },
  );
});
