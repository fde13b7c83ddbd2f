import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIConnectionError } from '../src/errors/CLIConnectionError.js';
import type { SDKMessage } from '../src/messages/SDKMessage.js';
import type { SDKWarning } from '../src/options/ClaudeAgentOptions.js';
import { query } from '../src/query/query.js';
import type { SpawnedProcess, SpawnOptions } from '../src/transport/SpawnedProcess.js';

// `spawnClaudeCodeProcess` through the real subprocess transport: the fake CLI started by the
// caller's function instead of ours, with the same ending guarantees.
const fakeCli = fileURLToPath(new URL('./fixtures/fake-cli.mjs', import.meta.url));

/** The caller's spawner: Node's own spawn, recording what it was asked to start. */
function recordingSpawner(calls: SpawnOptions[]) {
  return (options: SpawnOptions): SpawnedProcess => {
    calls.push(options);
    return spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  };
}

/** A process that never writes, never exits and records the signals it is sent. */
function silentProcess(signals: string[]) {
  return Object.assign(new EventEmitter(), {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    killed: false,
    exitCode: null,
    kill(signal: NodeJS.Signals) {
      signals.push(signal);
      return true;
    },
  });
}

async function drain(q: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const messages: SDKMessage[] = [];
  for await (const m of q) messages.push(m);
  return messages;
}

describe('spawnClaudeCodeProcess', () => {
  it('starts the CLI through the given function with our command, args and env; config stays inline', async () => {
    const calls: SpawnOptions[] = [];
    const messages = await drain(
      query({
        prompt: 'x',
        options: {
          cliPath: fakeCli,
          env: { FAKE_CLI_MODE: 'echo' },
          mcpServers: { api: { type: 'http', url: 'https://x' } },
          toolConfig: { askUserQuestion: { previewFormat: 'html' } },
          spawnClaudeCodeProcess: recordingSpawner(calls),
        },
      }),
    );
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: 'echo: x' });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.command).toBe('node');
    expect(call?.args[0]).toBe(fakeCli);
    expect(call?.env).toMatchObject({
      FAKE_CLI_MODE: 'echo',
      CLAUDE_CODE_ENTRYPOINT: 'sdk-ts',
      CLAUDE_CODE_QUESTION_PREVIEW_FORMAT: 'html',
    });
    // A temp file would not exist where a remote CLI runs.
    const mcp = call?.args[call.args.indexOf('--mcp-config') + 1];
    expect(JSON.parse(mcp ?? '')).toEqual({
      mcpServers: { api: { type: 'http', url: 'https://x' } },
    });
    expect(call?.signal.aborted).toBe(false);
  });

  it('stops a process that ignores EOF with kill(), and aborts the spawn signal', async () => {
    const calls: SpawnOptions[] = [];
    const warnings: SDKWarning[] = [];
    const q = query({
      prompt: 'x',
      options: {
        cliPath: fakeCli,
        env: { FAKE_CLI_MODE: 'linger' },
        shutdownGraceMs: 100,
        onWarning: (w) => warnings.push(w),
        spawnClaudeCodeProcess: recordingSpawner(calls),
      },
    });
    const messages = await drain(q);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: 'echo: x' });
    expect(warnings.map((w) => w.code)).toEqual(['CLI_STOPPED']);
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('reports a spawner that throws, or returns no process, as CLIConnectionError', async () => {
    const thrown = await drain(
      query({
        prompt: 'x',
        options: {
          spawnClaudeCodeProcess: () => {
            throw new Error('no route to VM');
          },
        },
      }),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CLIConnectionError);
    expect((thrown as Error).message).toContain('no route to VM');
    const shapeless = await drain(
      query({ prompt: 'x', options: { spawnClaudeCodeProcess: () => ({}) as SpawnedProcess } }),
    ).catch((e: unknown) => e);
    expect(shapeless).toBeInstanceOf(CLIConnectionError);
    expect((shapeless as Error).message).toContain('not a SpawnedProcess');
  });

  it('ends the session when the custom process fails with an error and never exits', async () => {
    const signals: string[] = [];
    const fake = silentProcess(signals);
    const q = query({
      prompt: 'x',
      options: { spawnClaudeCodeProcess: () => fake as unknown as SpawnedProcess },
    });
    const ended = drain(q).catch((e: unknown) => e);
    // The SDK writes initialize first: the connection is up, then it drops.
    await new Promise((resolve) => fake.stdin.once('data', resolve));
    fake.emit('error', new Error('ssh: connection reset'));
    const error = await ended;
    expect(error).toBeInstanceOf(CLIConnectionError);
    expect((error as Error).message).toContain('ssh: connection reset');
    expect(signals.at(-1)).toBe('SIGKILL');
  });

  it('does not hang on a custom process that never reports its exit, even after SIGKILL', async () => {
    const signals: string[] = [];
    const fake = silentProcess(signals);
    const q = query({
      prompt: 'x',
      options: {
        shutdownGraceMs: 50,
        killGraceMs: 50,
        spawnClaudeCodeProcess: () => fake as unknown as SpawnedProcess,
      },
    });
    const ended = drain(q).catch((e: unknown) => e);
    await new Promise((resolve) => fake.stdin.once('data', resolve));
    await q.close();
    await ended;
    expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
  });
});
