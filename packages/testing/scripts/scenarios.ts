/**
 * The sessions of the fixture library (`fixtures/*.jsonl`): what the scripted model answers,
 * what the SDK side does. `recordFixtures.ts` runs each against the real CLI and records it;
 * `test/fixtures.test.ts` replays each with the same SDK side (strict: no divergence allowed).
 */
import { join } from 'node:path';
import type {
  CanUseTool,
  ClaudeAgentOptions,
  HookCallback,
  Query,
  SDKMessage,
  UserInput,
} from '@agentsdk/core';
import type { ModelTurn } from '../src/index.js';
import { calculator, type Calculator } from '../test/support/calculator.js';

/** The SDK side of one run, fresh each time (callbacks keep what they saw in `seen`). */
export interface ScenarioSession {
  prompt: string | AsyncIterable<UserInput>;
  /** Session options besides where the CLI runs (callbacks, tools, output format, …). */
  options: ClaudeAgentOptions;
  /** Called with every message, e.g. to interrupt at a given point. */
  onMessage?: (message: SDKMessage, query: Query) => Promise<void> | void;
  /** What the callbacks and tools were called with, in order. */
  seen: string[];
  /** The in-process tool server, when the scenario has one. */
  calc?: Calculator;
}

export interface Scenario {
  /** The fixture's file name, without `.jsonl`. */
  name: string;
  description: string;
  /** The model's turns; `cwd` is the project directory of the recording. */
  turns: (cwd: string) => ModelTurn[];
  /** Files created in the project directory before the recording. */
  files?: Record<string, string>;
  session: () => ScenarioSession;
}

const say = (text: string): ModelTurn => ({ content: [{ type: 'text', text }] });
const use = (
  id: string,
  name: string,
  input: Record<string, unknown>,
  text?: string,
): ModelTurn => ({
  content: [
    ...(text !== undefined ? [{ type: 'text' as const, text }] : []),
    { type: 'tool_use', id, name, input },
  ],
});

/** A streamed prompt that sends the next turn after each result. */
function conversation(prompts: string[]): Pick<ScenarioSession, 'prompt' | 'onMessage'> {
  let next: (() => void) | undefined;
  async function* turns(): AsyncGenerator<UserInput> {
    for (const [i, prompt] of prompts.entries()) {
      if (i > 0) await new Promise<void>((resolve) => (next = resolve));
      yield prompt;
    }
  }
  return {
    prompt: turns(),
    onMessage: (message) => {
      if (message.type === 'result') next?.();
    },
  };
}

export const scenarios: Scenario[] = [
  {
    name: 'text',
    description: 'One turn, a plain text answer.',
    turns: () => [say('Hello! This is a plain text answer from the scripted model.')],
    session: () => ({ prompt: 'Say hello', options: {}, seen: [] }),
  },
  {
    name: 'multi-turn',
    description:
      'Two user turns in one session (streamed prompt, the second sent after the first result).',
    turns: () => [say('Nice to meet you, Ada.'), say('Your name is Ada.')],
    session: () => ({
      ...conversation(['My name is Ada. Please remember it.', 'What is my name?']),
      options: {},
      seen: [],
    }),
  },
  {
    name: 'tool-call',
    description:
      'An in-process MCP tool (calc add) called by the model; its answer reaches the model.',
    turns: () => [
      use('toolu_calc_add', 'mcp__calc__add', { a: 2, b: 3 }, 'Let me add those.'),
      say('2 + 3 = 5, computed with the calc tool.'),
    ],
    session: () => {
      const calc = calculator();
      return {
        prompt: 'What is 2 + 3? Use the calculator.',
        options: { mcpServers: { calc }, allowedTools: ['mcp__calc__add'] },
        seen: [],
        calc,
      };
    },
  },
  {
    name: 'permission-deny',
    description: 'canUseTool denies a Bash command; the model reads the denial and answers.',
    turns: () => [
      use('toolu_bash_deny', 'Bash', {
        command: 'touch denied.txt',
        description: 'Create denied.txt',
      }),
      say('Understood, I will not create the file.'),
    ],
    session: () => {
      const seen: string[] = [];
      const canUseTool: CanUseTool = (tool, input) => {
        seen.push(`${tool}: ${String(input.command)}`);
        return { behavior: 'deny', message: 'Creating files is not allowed here.' };
      };
      return { prompt: 'Create the file denied.txt', options: { canUseTool }, seen };
    },
  },
  {
    name: 'permission-allow',
    description:
      'canUseTool allows a Bash command with rewritten input; the rewritten command runs.',
    turns: () => [
      use('toolu_bash_allow', 'Bash', {
        command: 'touch asked-for.txt',
        description: 'Create asked-for.txt',
      }),
      say('Done: the file was created.'),
    ],
    session: () => {
      const seen: string[] = [];
      const canUseTool: CanUseTool = (tool, input) => {
        seen.push(`${tool}: ${String(input.command)}`);
        return { behavior: 'allow', updatedInput: { ...input, command: 'touch rewritten.txt' } };
      };
      return { prompt: 'Create the file asked-for.txt', options: { canUseTool }, seen };
    },
  },
  {
    name: 'hooks',
    description:
      'UserPromptSubmit adds context, a PreToolUse hook (matcher Bash) denies a command, a PostToolUse hook adds context after Read.',
    files: { 'notes.txt': 'The secret word is pineapple.\n' },
    turns: (cwd) => [
      use('toolu_bash_hooked', 'Bash', {
        command: 'touch hooked.txt',
        description: 'Create hooked.txt',
      }),
      use(
        'toolu_read_notes',
        'Read',
        { file_path: join(cwd, 'notes.txt') },
        'Bash was blocked; reading the notes instead.',
      ),
      say('The notes say the secret word is pineapple.'),
    ],
    session: () => {
      const seen: string[] = [];
      const promptSubmit: HookCallback<'UserPromptSubmit'> = (input) => {
        seen.push(`${input.hook_event_name}`);
        return {
          hookSpecificOutput: {
            hookEventName: 'UserPromptSubmit',
            additionalContext: 'The user likes fruit.',
          },
        };
      };
      const denyBash: HookCallback<'PreToolUse'> = (input) => {
        seen.push(`${input.hook_event_name}: ${input.tool_name}`);
        return {
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'deny',
            permissionDecisionReason: 'Bash is disabled by a hook.',
          },
        };
      };
      const afterTool: HookCallback<'PostToolUse'> = (input) => {
        seen.push(`${input.hook_event_name}: ${input.tool_name}`);
        return {
          hookSpecificOutput: {
            hookEventName: 'PostToolUse',
            additionalContext: 'The notes are up to date.',
          },
        };
      };
      return {
        prompt: 'Create hooked.txt, then tell me what the notes say.',
        options: {
          hooks: {
            UserPromptSubmit: [{ hooks: [promptSubmit] }],
            PreToolUse: [{ matcher: 'Bash', hooks: [denyBash] }],
            PostToolUse: [{ hooks: [afterTool] }],
          },
        },
        seen,
      };
    },
  },
  {
    name: 'interrupt',
    description:
      'The SDK interrupts a streaming answer at its first text delta (the scripted model holds the stream); the turn ends with error_during_execution.',
    turns: () => [
      {
        content: [
          { type: 'text', text: 'A long answer that the user interrupts before it is finished.' },
        ],
        stall_after_chars: 12,
      },
    ],
    session: () => {
      let interrupted = false;
      return {
        prompt: 'Tell me a long story.',
        options: { includePartialMessages: true },
        seen: [],
        onMessage: async (message, query) => {
          if (interrupted || message.type !== 'stream_event') return;
          if ((message.event as { type?: string }).type !== 'content_block_delta') return;
          interrupted = true;
          await query.interrupt();
        },
      };
    },
  },
  {
    name: 'structured-output',
    description:
      'outputFormat json_schema: the model calls StructuredOutput; result.structured_output holds the object.',
    turns: () => [
      use('toolu_so_1', 'StructuredOutput', { answer: 'Paris', confidence: 0.95 }),
      say('(not reached: the turn ends at StructuredOutput)'),
    ],
    session: () => ({
      prompt: 'What is the capital of France?',
      options: {
        outputFormat: {
          type: 'json_schema',
          schema: {
            type: 'object',
            properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
            required: ['answer'],
          },
        },
      },
      seen: [],
    }),
  },
  {
    name: 'max-turns',
    description:
      'maxTurns 1: the model asks for a tool, the tool runs, and the turn ends with error_max_turns.',
    files: { 'notes.txt': 'Nothing to see here.\n' },
    turns: (cwd) => [
      use('toolu_read_mt', 'Read', { file_path: join(cwd, 'notes.txt') }),
      say('(not reached: max turns)'),
    ],
    session: () => ({ prompt: 'Read the notes.', options: { maxTurns: 1 }, seen: [] }),
  },
];
