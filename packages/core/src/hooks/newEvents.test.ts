// The two events newer than CLI 2.1.331: PreSkillShellCommand (in the 2.1.332 binary's schemas)
// and Interrupt (in the official SDK 0.3.336 declarations; no CLI up to 2.1.332 sends it).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { HookRegistry } from './hookRegistry.js';
import type {
  HookInput,
  HookOutputFor,
  HooksConfig,
  InterruptHookInput,
  PreSkillShellCommandHookInput,
  PreSkillShellCommandHookSpecificOutput,
} from './types.js';

const base = {
  session_id: 's',
  transcript_path: '/t.jsonl',
  cwd: '/w',
};

describe('PreSkillShellCommand', () => {
  it('types the input and the output, and a deny travels back to the CLI unchanged', async () => {
    const seen: PreSkillShellCommandHookInput[] = [];
    const config: HooksConfig = {
      PreSkillShellCommand: [
        {
          hooks: [
            (input) => {
              expectTypeOf(input).toEqualTypeOf<PreSkillShellCommandHookInput>();
              expectTypeOf(input.invoked_by).toEqualTypeOf<'user' | 'claude' | 'other'>();
              seen.push(input);
              return {
                hookSpecificOutput: {
                  hookEventName: 'PreSkillShellCommand',
                  permissionDecision: 'deny',
                  permissionDecisionReason: `no ${input.tool_input.command}`,
                },
              };
            },
          ],
        },
      ],
    };
    const registry = new HookRegistry(config);
    expect(registry.wire).toEqual({ PreSkillShellCommand: [{ hookCallbackIds: ['hook_0'] }] });
    // The input as the 2.1.332 schema describes it.
    const input: PreSkillShellCommandHookInput = {
      ...base,
      hook_event_name: 'PreSkillShellCommand',
      tool_name: 'Bash',
      tool_input: { command: 'git status' },
      tool_use_id: 'skill-shell-1',
      command_name: 'release',
      invoked_by: 'user',
    };
    const answer = await registry.handler()(
      { subtype: 'hook_callback', callback_id: 'hook_0', input, tool_use_id: 'skill-shell-1' },
      { signal: new AbortController().signal, requestId: 'r1' },
    );
    expect(seen).toEqual([input]);
    expect(answer).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreSkillShellCommand',
        permissionDecision: 'deny',
        permissionDecisionReason: 'no git status',
      },
    });
    expectTypeOf<HookOutputFor<'PreSkillShellCommand'>['hookSpecificOutput']>().toEqualTypeOf<
      PreSkillShellCommandHookSpecificOutput | undefined
    >();
  });
});

describe('Interrupt', () => {
  it('narrows from HookInput and takes no event-specific output', () => {
    const describeInput = (input: HookInput): string =>
      input.hook_event_name === 'Interrupt' ? `${input.source}/${input.reason}` : 'other';
    const input: InterruptHookInput = {
      ...base,
      hook_event_name: 'Interrupt',
      source: 'user',
      reason: 'stop',
      via: 'client',
    };
    expect(describeInput(input)).toBe('user/stop');
    expectTypeOf<HookOutputFor<'Interrupt'>['hookSpecificOutput']>().toEqualTypeOf<undefined>();
  });
});
