/**
 * Records the viewer's fixtures from real Claude Code CLI sessions driven by the scripted model
 * server (offline). One session exercises what the timeline shows: thinking, text, a Bash call
 * allowed by `canUseTool`, an in-process MCP tool, an `Agent` subagent that reads a file, a
 * Bash call denied by `canUseTool`, a PostToolUse hook, an API error the CLI retries, a second
 * user turn.
 *
 *   ./scripts/pnpm --filter @agentsdk/viewer fixtures:record
 *
 * Writes (redacted: temp paths, API keys):
 * - fixtures/session.jsonl          the @agentsdk/testing fixture of the session
 * - fixtures/session-changed.jsonl  the same session where the calc tool answers 6 instead of 5
 * - fixtures/transcript/<id>.jsonl  the CLI's own transcript of the first session
 *                                   (~/.claude/projects/<slug>/<id>.jsonl, with <id>/subagents/)
 * - fixtures/platform-export.json   the first session as apps/agent-platform's
 *                                   `GET /api/sessions/:id/events` answers it (built from the
 *                                   session's messages, the way SessionManager logs them)
 *
 * The CLI is `CLAUDE_CLI_PATH`, else the pinned one of the e2e package.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  discoverCli,
  query,
  type CanUseTool,
  type ClaudeAgentOptions,
  type HookCallback,
  type JSONRPCMessage,
  type McpSdkServerConfig,
  type SDKMessage,
  type UserInput,
} from '@agentsdk/core';
import { createModelServer, recordingTransport, type ModelTurn } from '@agentsdk/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(packageDir, '..', '..');
const fixturesDir = join(packageDir, 'fixtures');
const cliPath = process.env['CLAUDE_CLI_PATH'] ?? discoverCli({ cwd: join(repoDir, 'e2e') }).path;

const numbers = {
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
};

/** A one-tool MCP server "calc" whose `add` answers `sum(a, b)`. */
function calc(sum: (a: number, b: number) => number): McpSdkServerConfig {
  const reply = (id: JSONRPCMessage['id'], result: unknown): Promise<JSONRPCMessage> =>
    Promise.resolve({ jsonrpc: '2.0', id: id ?? null, result });
  return {
    type: 'sdk',
    name: 'calc',
    instance: {
      name: 'calc',
      version: '1.0.0',
      handleMessage(message) {
        if (message.method === 'initialize') {
          return reply(message.id, {
            protocolVersion: '2025-06-18',
            capabilities: { tools: {} },
            serverInfo: { name: 'calc', version: '1.0.0' },
          });
        }
        if (message.method === 'tools/list') {
          return reply(message.id, {
            tools: [{ name: 'add', description: 'Add two numbers', inputSchema: numbers }],
          });
        }
        if (message.method === 'tools/call') {
          const { a, b } = (message.params as { arguments: { a: number; b: number } }).arguments;
          return reply(message.id, { content: [{ type: 'text', text: String(sum(a, b)) }] });
        }
        if (message.id === undefined) return Promise.resolve(undefined);
        return Promise.resolve({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32601, message: `Method not found: ${String(message.method)}` },
        });
      },
    },
  };
}

const say = (text: string): ModelTurn => ({ content: [{ type: 'text', text }] });

function mainTurns(cwd: string): ModelTurn[] {
  return [
    {
      content: [
        {
          type: 'thinking',
          thinking:
            'The user wants three things: a look at the project, a sum, and a review of the notes. I will start by listing the files.',
        },
        { type: 'text', text: 'Let me look at the project first.' },
        {
          type: 'tool_use',
          id: 'toolu_ls',
          name: 'Bash',
          input: { command: 'ls', description: 'List the project files' },
        },
      ],
      usage: { input_tokens: 1200, output_tokens: 85, cache_read_input_tokens: 900 },
    },
    {
      content: [
        { type: 'text', text: 'Now the sum, with the calculator.' },
        { type: 'tool_use', id: 'toolu_add', name: 'mcp__calc__add', input: { a: 2, b: 3 } },
      ],
      usage: { input_tokens: 1350, output_tokens: 40 },
    },
    {
      content: [
        {
          type: 'tool_use',
          id: 'toolu_review',
          name: 'Agent',
          input: {
            description: 'Review the notes',
            prompt: `Read ${join(cwd, 'notes.txt')} and say what it is about.`,
            subagent_type: 'general-purpose',
            run_in_background: false,
          },
        },
      ],
      usage: { input_tokens: 1420, output_tokens: 60 },
    },
    {
      content: [
        { type: 'text', text: 'The build folder looks stale; I will remove it.' },
        {
          type: 'tool_use',
          id: 'toolu_rm',
          name: 'Bash',
          input: { command: 'rm -rf build', description: 'Remove the build folder' },
        },
      ],
      usage: { input_tokens: 1500, output_tokens: 45 },
    },
    {
      content: [
        {
          type: 'text',
          text: 'Done. The project has `notes.txt` and `build/`; 2 + 3 = 5 (from the calc tool); the reviewer says the notes are a shopping list. I did not delete `build/`: that was not allowed.',
        },
      ],
      usage: { input_tokens: 1600, output_tokens: 70 },
    },
    // Second user turn: one overloaded answer, retried by the CLI, then the answer.
    { error: { status: 529, retry_after: 0 } },
    say('The sum was 5.'),
  ];
}

function subagentTurns(cwd: string): ModelTurn[] {
  return [
    {
      content: [
        { type: 'text', text: 'Reading the notes.' },
        {
          type: 'tool_use',
          id: 'toolu_sub_read',
          name: 'Read',
          input: { file_path: join(cwd, 'notes.txt') },
        },
      ],
      usage: { input_tokens: 600, output_tokens: 30 },
    },
    say('The notes are a shopping list: apples, pears and a pineapple.'),
  ];
}

interface Recorded {
  messages: SDKMessage[];
  sessionId: string;
  /** The CLI's transcript files of the session (the main one and its subagents'), redacted. */
  transcripts: Map<string, string>;
  redact: (text: string) => string;
}

async function record(name: string, description: string, sum: (a: number, b: number) => number) {
  const root = mkdtempSync(join(tmpdir(), 'agentsdk-viewer-'));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  const cwd = join(root, 'project');
  for (const dir of [home, tmp, cwd, join(cwd, 'build')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, 'notes.txt'), 'Shopping: apples, pears, a pineapple.\n');
  const server = await createModelServer({
    script: mainTurns(cwd),
    subagentScript: subagentTurns(cwd),
  });
  try {
    const canUseTool: CanUseTool = (tool, input) =>
      String(input['command']).startsWith('rm ')
        ? { behavior: 'deny', message: 'Deleting files is not allowed in this project.' }
        : { behavior: 'allow', updatedInput: input };
    const afterBash: HookCallback<'PostToolUse'> = () => ({
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Bash ran inside the project folder.',
      },
    });
    const options: ClaudeAgentOptions = {
      cliPath,
      cwd,
      canUseTool,
      mcpServers: { calc: calc(sum) },
      allowedTools: ['mcp__calc__add', 'Agent', 'Read'],
      hooks: { PostToolUse: [{ matcher: 'Bash', hooks: [afterBash] }] },
      env: {
        HOME: home,
        TMPDIR: tmp,
        ANTHROPIC_API_KEY: 'sk-test-offline',
        ANTHROPIC_BASE_URL: server.url,
        ANTHROPIC_AUTH_TOKEN: undefined,
        CLAUDE_CODE_MAX_RETRIES: '2',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
      },
    };
    const prompts = [
      'Look at the project, add 2 and 3, have a reviewer read notes.txt, and clean up build/.',
      'Thanks! What was the sum again?',
    ];
    let next: (() => void) | undefined;
    async function* turns(): AsyncGenerator<UserInput> {
      for (const [i, prompt] of prompts.entries()) {
        if (i > 0) await new Promise<void>((done) => (next = done));
        yield prompt;
      }
    }
    const transport = recordingTransport({
      path: join(fixturesDir, `${name}.jsonl`),
      options,
      redact: { home: true, values: { [root]: 'workdir', [repoDir]: 'repo' } },
      name,
      description,
      meta: { prompts },
    });
    const messages: SDKMessage[] = [];
    for await (const message of query({ prompt: turns(), options, transport })) {
      messages.push(message);
      if (message.type === 'result') next?.();
    }
    await transport.recorded();
    const exhausted = server.errors.filter((e) => e.code === 'script_exhausted');
    if (exhausted.length > 0)
      throw new Error(`${name}: the CLI asked for more turns than scripted.`);
    const projects = join(home, '.claude', 'projects');
    const [slug] = readdirSync(projects);
    const sessionId = messages.find((m) => m.type === 'result')?.session_id ?? '';
    const redact = (text: string): string =>
      text.split(root).join('<redacted:workdir>').split(repoDir).join('<redacted:repo>');
    const dir = join(projects, slug ?? '');
    const transcripts = new Map<string, string>();
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (file.startsWith(sessionId) && file.endsWith('.jsonl')) {
        transcripts.set(file, redact(readFileSync(join(dir, file), 'utf8')));
      }
    }
    return { messages, sessionId, transcripts, redact } satisfies Recorded;
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** What the platform's event log holds for a session: `{ events }` as its HTTP API returns it. */
function platformExport(
  messages: SDKMessage[],
  prompts: string[],
  redact: (text: string) => string,
): string {
  const sessionId = '6f1c2a9e-4b7d-4e21-9a53-0c8d2f71b9aa';
  const events: unknown[] = [];
  let createdAt = Date.parse('2026-12-04T10:00:00.000Z');
  const push = (payload: unknown): void => {
    createdAt += 150;
    events.push({ sessionId, id: events.length + 1, createdAt, payload });
  };
  push({ kind: 'state', state: 'active' });
  let turn = 0;
  push({ kind: 'user', text: prompts[turn++] });
  for (const message of messages) {
    push({ kind: 'message', message });
    if (message.type === 'result' && turn < prompts.length)
      push({ kind: 'user', text: prompts[turn++] });
  }
  push({ kind: 'state', state: 'idle' });
  return redact(`${JSON.stringify({ events }, null, 1)}\n`);
}

async function main(): Promise<void> {
  mkdirSync(fixturesDir, { recursive: true });
  const a = await record(
    'session',
    'Tools, an MCP tool, a subagent, a permission denial, a hook and an API retry.',
    (x, y) => x + y,
  );
  rmSync(join(fixturesDir, 'transcript'), { recursive: true, force: true });
  for (const [file, text] of a.transcripts) {
    const path = join(fixturesDir, 'transcript', file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(
    join(fixturesDir, 'platform-export.json'),
    platformExport(
      a.messages,
      [
        'Look at the project, add 2 and 3, have a reviewer read notes.txt, and clean up build/.',
        'Thanks! What was the sum again?',
      ],
      a.redact,
    ),
  );
  await record(
    'session-changed',
    'The same session, where the calc tool answers 6 for 2 + 3.',
    (x, y) => x + y + 1,
  );
  process.stderr.write(`recorded fixtures in ${fixturesDir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fixtures:record failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
