/**
 * The scripted model server against the real Claude Code CLI (the one e2e/ installs).
 * Run alone with: ./scripts/pnpm --filter @agentsdk/testing exec vitest run test/
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createModelServer,
  type ModelServer,
  type ModelTurn,
  type RecordedRequest,
} from '../src/index.js';
import { realCliPath } from './support/realCli.js';

const CLAUDE = realCliPath ?? 'claude';
const HAVE_CLAUDE = realCliPath !== undefined;
const TIMEOUT = 60_000;

type Message = Record<string, unknown> & { type: string; subtype?: string };

interface Session {
  child: ChildProcess;
  messages: Message[];
  stderr: () => string;
  /** Resolves with the n-th (1-based) message matching `match` (including ones already received). */
  next(match: (m: Message) => boolean, n?: number): Promise<Message>;
  write(line: unknown): void;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];
const servers: ModelServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function startServer(turns: ModelTurn[]): Promise<ModelServer> {
  const server = await createModelServer({ script: { turns } });
  servers.push(server);
  return server;
}

/** Spawns the CLI against `server` with a private HOME and TMPDIR. */
async function spawnClaude(
  server: ModelServer,
  args: string[],
  env: Record<string, string> = {},
): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'model-server-cli-'));
  dirs.push(dir);
  await Promise.all([mkdir(join(dir, 'home')), mkdir(join(dir, 'tmp')), mkdir(join(dir, 'cwd'))]);
  const child = spawn(CLAUDE, ['--output-format', 'stream-json', '--verbose', ...args], {
    cwd: join(dir, 'cwd'),
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: join(dir, 'home'),
      TMPDIR: join(dir, 'tmp'),
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: server.url,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const messages: Message[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    messages.push(JSON.parse(line) as Message);
    for (const listener of [...listeners]) listener();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    messages,
    stderr: () => stderr,
    exit,
    write: (line) => child.stdin?.write(`${JSON.stringify(line)}\n`),
    next: (match, n = 1) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = messages.filter(match)[n - 1];
          if (found === undefined) return false;
          listeners.delete(listener);
          resolve(found);
          return true;
        };
        const listener = (): void => void check();
        if (check()) return;
        listeners.add(listener);
        void exit.then(() => {
          if (!check())
            reject(new Error(`CLI exited before the expected message. stderr: ${stderr}`));
        });
      }),
  };
}

/** Runs `claude -p <prompt>` to completion and returns its `result` message. */
async function runPrompt(
  server: ModelServer,
  prompt: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ session: Session; result: Message; code: number | null }> {
  const session = await spawnClaude(server, ['-p', prompt, ...args], env);
  session.child.stdin?.end();
  const code = await session.exit;
  const result = session.messages.find((m) => m.type === 'result');
  if (result === undefined)
    throw new Error(`no result (exit ${code}); stderr: ${session.stderr()}`);
  return { session, result, code };
}

function userMessage(text: string): unknown {
  return {
    type: 'user',
    session_id: '',
    message: { role: 'user', content: [{ type: 'text', text }] },
    parent_tool_use_id: null,
  };
}

function lastMessage(request: RecordedRequest | undefined): unknown {
  const messages = request?.body?.messages;
  return Array.isArray(messages) ? messages.at(-1) : undefined;
}

describe.skipIf(!HAVE_CLAUDE)(
  `scripted model server with the real Claude Code CLI${HAVE_CLAUDE ? '' : ` (skipped: no CLI at ${CLAUDE}; run pnpm install)`}`,
  { timeout: TIMEOUT },
  () => {
    it('a text turn becomes the result', async () => {
      const text = 'Hello! This is a plain text answer from the scripted model.';
      const server = await startServer([{ content: [{ type: 'text', text }] }]);
      const { result, code } = await runPrompt(server, 'Say hello');
      expect(result).toMatchObject({ subtype: 'success', is_error: false, result: text });
      expect(code).toBe(0);
      expect(server.requests.map((r) => r.kind)).toEqual(['probe', 'main']);
      expect(server.errors).toEqual([]);
      const [main] = server.mainRequests();
      expect(main?.headers['anthropic-version']).toBe('2023-06-01');
      expect(main?.headers['x-api-key']).toBe('sk-test');
      expect(main?.query).toEqual({ beta: 'true' });
    });

    it('works with stream-json input, answering the title side request without using the script', async () => {
      const server = await startServer([{ content: [{ type: 'text', text: 'Paris.' }] }]);
      const session = await spawnClaude(server, ['--input-format', 'stream-json'], {
        CLAUDE_CODE_ENTRYPOINT: 'sdk-ts',
      });
      session.write(userMessage('What is the capital of France? Answer in one word.'));
      const result = await session.next((m) => m.type === 'result');
      expect(result).toMatchObject({ is_error: false, result: 'Paris.' });
      session.child.stdin?.end();
      expect(await session.exit).toBe(0);
      const title = server.requests.find((r) => r.side === 'title');
      expect(title).toMatchObject({ kind: 'side', stream: true, outcome: 'completed' });
      expect(server.mainRequests()).toHaveLength(1);
      expect(server.remaining).toBe(0);
    });

    it('a Bash tool_use turn runs the tool and the next request carries the tool_result', async () => {
      const server = await startServer([
        {
          content: [
            { type: 'tool_use', id: 'toolu_echo_1', name: 'Bash', input: { command: 'echo hi' } },
          ],
        },
        { content: [{ type: 'text', text: 'The command printed hi.' }] },
      ]);
      const { result, session } = await runPrompt(server, 'Run echo hi', ['--allowedTools=Bash']);
      expect(result).toMatchObject({
        is_error: false,
        result: 'The command printed hi.',
        num_turns: 2,
      });
      const echoed = session.messages.find((m) => m.type === 'user');
      expect(JSON.stringify(echoed)).toContain('toolu_echo_1');
      const mains = server.mainRequests();
      expect(mains).toHaveLength(2);
      expect(lastMessage(mains[1])).toMatchObject({
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_echo_1', content: 'hi', is_error: false },
        ],
      });
    });

    it('thinking blocks pass through to the assistant messages', async () => {
      const server = await startServer([
        {
          content: [
            {
              type: 'thinking',
              thinking: 'The user wants a greeting. I will greet.',
              signature: 'sig-abc',
            },
            { type: 'text', text: 'Greetings.' },
          ],
        },
      ]);
      const { result, session } = await runPrompt(server, 'Greet me');
      expect(result).toMatchObject({ is_error: false, result: 'Greetings.' });
      const blocks = session.messages
        .filter((m) => m.type === 'assistant')
        .flatMap((m) => (m['message'] as { content: unknown[] }).content);
      expect(blocks).toEqual([
        {
          type: 'thinking',
          thinking: 'The user wants a greeting. I will greet.',
          signature: 'sig-abc',
        },
        { type: 'text', text: 'Greetings.' },
      ]);
    });

    it('a 401 error turn with CLAUDE_CODE_MAX_RETRIES=0 gives an error result', async () => {
      const server = await startServer([{ error: { status: 401 } }]);
      const { result, code } = await runPrompt(server, 'Say hello', [], {
        CLAUDE_CODE_MAX_RETRIES: '0',
      });
      expect(result).toMatchObject({ is_error: true, api_error_status: 401 });
      expect(code).toBe(1);
      expect(server.mainRequests()).toHaveLength(1);
    });

    it('529 is retried and the next turn answers', async () => {
      const server = await startServer([
        { error: { status: 529, retry_after: 0 } },
        { content: [{ type: 'text', text: 'Recovered.' }] },
      ]);
      const { result, session } = await runPrompt(server, 'Say hello', [], {
        CLAUDE_CODE_MAX_RETRIES: '2',
      });
      expect(result).toMatchObject({ is_error: false, result: 'Recovered.' });
      expect(session.messages.find((m) => m.subtype === 'api_retry')).toMatchObject({
        attempt: 1,
        error_status: 529,
        error: 'overloaded',
      });
      expect(server.mainRequests().map((r) => r.status)).toEqual([529, 200]);
    });

    it('an exhausted script fails fast with a clear error', async () => {
      const server = await startServer([]);
      const { result } = await runPrompt(server, 'Say hello');
      expect(result).toMatchObject({ is_error: true, api_error_status: 400 });
      expect(String(result['result'])).toContain(
        'scripted model server: script exhausted after 0 turns',
      );
      expect(server.errors[0]).toMatchObject({ code: 'script_exhausted' });
    });

    it('a stalled stream is aborted by an interrupt and the session goes on', async () => {
      const server = await startServer([
        {
          content: [{ type: 'text', text: 'A long answer that the user interrupts half way.' }],
          stall_after_chars: 12,
        },
        { content: [{ type: 'text', text: 'Short answer after the interrupt.' }] },
      ]);
      const session = await spawnClaude(server, ['--input-format', 'stream-json']);
      session.write(userMessage('Tell me a long story'));
      await server.waitForStall({ timeoutMs: 30_000 });
      session.write({
        type: 'control_request',
        request_id: 'int_1',
        request: { subtype: 'interrupt' },
      });
      await expect(server.waitForResponse('main', { timeoutMs: 30_000 })).resolves.toMatchObject({
        outcome: 'aborted',
        stalled: true,
      });
      expect(await session.next((m) => m.type === 'result')).toMatchObject({
        subtype: 'error_during_execution',
        is_error: true,
      });
      session.write(userMessage('And now a short one'));
      expect(await session.next((m) => m.type === 'result', 2)).toMatchObject({
        is_error: false,
        result: 'Short answer after the interrupt.',
      });
      session.child.stdin?.end();
      expect(await session.exit).toBe(0);
    });
  },
);
