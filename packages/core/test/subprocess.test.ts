import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIConnectionError } from '../src/errors/CLIConnectionError.js';
import { CLIJSONDecodeError } from '../src/errors/CLIJSONDecodeError.js';
import { CLINotFoundError } from '../src/errors/CLINotFoundError.js';
import { ProcessError } from '../src/errors/ProcessError.js';
import type { SDKMessage } from '../src/messages/SDKMessage.js';
import type { ClaudeAgentOptions, SDKWarning } from '../src/options/ClaudeAgentOptions.js';
import { ClaudeSDKClient } from '../src/query/ClaudeSDKClient.js';
import { query } from '../src/query/query.js';

// Transport-level tests against a real child process: a small Node script that speaks
// stream-json (test/fixtures/fake-cli.mjs). The real CLI is exercised by the e2e package.
const fakeCli = fileURLToPath(new URL('./fixtures/fake-cli.mjs', import.meta.url));

function options(mode: string, extra: ClaudeAgentOptions = {}): ClaudeAgentOptions {
  return { cliPath: fakeCli, env: { FAKE_CLI_MODE: mode }, ...extra };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function collect(iterable: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const out: SDKMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

describe('subprocess transport (fake CLI)', () => {
  it('runs a turn end to end and the child exits', async () => {
    const q = query({ prompt: 'hello', options: options('echo') });
    const pid = (await q.getServerInfo()).pid as number;
    const messages = await collect(q);
    const result = messages.find((m) => m.type === 'result');
    expect(result).toMatchObject({ subtype: 'success', result: 'echo: hello' });
    expect(isAlive(pid)).toBe(false);
  });

  it('parses a 64 MiB single line of multi-byte text', async () => {
    const messages = await collect(query({ prompt: 'big', options: options('big-line') }));
    const assistant = messages.find((m) => m.type === 'assistant');
    const text =
      assistant?.type === 'assistant'
        ? (assistant.message.content[0] as { text: string }).text
        : '';
    expect(Buffer.byteLength(text)).toBe(64 * 1024 * 1024);
    expect(text.startsWith('éé')).toBe(true);
  });

  it('skips and reports non-JSON noise on stdout', async () => {
    const warnings: SDKWarning[] = [];
    const messages = await collect(
      query({ prompt: 'x', options: options('noise', { onWarning: (w) => warnings.push(w) }) }),
    );
    expect(messages.some((m) => m.type === 'result')).toBe(true);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'NON_JSON_STDOUT',
        message: expect.stringContaining('this is not json'),
      }),
    ]);
  });

  it('fails with CLIJSONDecodeError on a malformed JSON line and stops the child', async () => {
    const q = query({ prompt: 'x', options: options('malformed') });
    const pid = (await q.getServerInfo()).pid as number;
    const error = await collect(q).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CLIJSONDecodeError);
    expect(isAlive(pid)).toBe(false);
  });

  it('turns a crash mid-turn into ProcessError with the stderr tail', async () => {
    const error = await collect(query({ prompt: 'x', options: options('die-mid-turn') })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).exitCode).toBe(3);
    expect((error as ProcessError).stderr).toContain('something broke inside the CLI');
  });

  it('stops the child on break, on abort and on a consumer error', async () => {
    const q1 = query({ prompt: 'x', options: options('echo') });
    const pid1 = (await q1.getServerInfo()).pid as number;
    for await (const m of q1) if (m.type === 'system') break;
    expect(isAlive(pid1)).toBe(false);

    const controller = new AbortController();
    const q2 = query({
      prompt: 'x',
      options: options('hang', { abortSignal: controller.signal, shutdownGraceMs: 50 }),
    });
    const pid2 = (await q2.getServerInfo()).pid as number;
    const pending = collect(q2).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'ABORTED' });
    expect(isAlive(pid2)).toBe(false);

    const q3 = query({ prompt: 'x', options: options('echo') });
    const pid3 = (await q3.getServerInfo()).pid as number;
    await expect(
      (async () => {
        for await (const m of q3) if (m.type === 'assistant') throw new Error('consumer failed');
      })(),
    ).rejects.toThrow('consumer failed');
    expect(isAlive(pid3)).toBe(false);
  });

  it('does not wait out the EOF grace when aborting mid-turn', async () => {
    // Default grace (5 s) would exceed the test timeout: mid-turn close goes straight to SIGTERM.
    const controller = new AbortController();
    const q = query({
      prompt: 'x',
      options: options('ignore-eof', { abortSignal: controller.signal }),
    });
    const pid = (await q.getServerInfo()).pid as number;
    const pending = collect(q).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'ABORTED' });
    expect(isAlive(pid)).toBe(false);
  });

  it('escalates to SIGTERM when the CLI ignores EOF', async () => {
    const q = query({ prompt: 'x', options: options('ignore-eof', { shutdownGraceMs: 20 }) });
    const pid = (await q.getServerInfo()).pid as number;
    await q.close();
    expect(isAlive(pid)).toBe(false);
  });

  it('gives clear errors for a missing CLI and a missing cwd', async () => {
    await expect(
      collect(query({ prompt: 'x', options: { cliPath: '/nope/claude' } })),
    ).rejects.toBeInstanceOf(CLINotFoundError);
    const error = await collect(
      query({
        prompt: 'x',
        options: options('echo', { cwd: join(tmpdir(), 'agentsdk-no-such-dir-xyz') }),
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CLIConnectionError);
    expect((error as Error).message).toContain('does not exist');
  });

  it('turns a spawn failure Node throws (not emits) into CLIConnectionError, leaving no config files', async () => {
    // Config files go to a temp directory of their own; this test's TMPDIR shows what is left.
    const tmp = mkdtempSync(join(tmpdir(), 'agentsdk-spawn-throw-'));
    const savedTmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      // Node rejects an env value with a NUL byte inside spawn() itself, before any process
      // exists; the MCP config was already written for it.
      const mcpServers = { ext: { type: 'stdio' as const, command: 'ext-server' } };
      const error = await collect(
        query({ prompt: 'x', options: options('echo', { env: { BROKEN: 'a\0b' }, mcpServers }) }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CLIConnectionError);
      expect((error as Error).message).toMatch(/^Could not start the Claude Code CLI .*null bytes/);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = savedTmp;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('holds a multi-turn conversation on one process with ClaudeSDKClient', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'agentsdk-client-'));
    await using client = new ClaudeSDKClient(options('echo', { cwd }));
    await client.connect();
    const pid = (await client.getServerInfo()).pid as number;
    const answers: string[] = [];
    for (const prompt of ['one', 'two', 'three']) {
      await client.query(prompt);
      for await (const m of client.receiveResponse())
        if (m.type === 'result' && m.subtype === 'success') answers.push(m.result);
    }
    expect(answers).toEqual(['echo: one', 'echo: two', 'echo: three']);
    expect(isAlive(pid)).toBe(true);
    await client.disconnect();
    expect(isAlive(pid)).toBe(false);
  });

  it('leaves no children or exit listeners after 100 sequential queries', async () => {
    const before = process.listenerCount('exit');
    const pids: number[] = [];
    for (let i = 0; i < 100; i++) {
      const q = query({ prompt: `n${i}`, options: options('echo') });
      pids.push((await q.getServerInfo()).pid as number);
      const messages = await collect(q);
      expect(messages.at(-1)).toMatchObject({ type: 'result', result: `echo: n${i}` });
    }
    expect(pids.filter(isAlive)).toEqual([]);
    expect(process.listenerCount('exit')).toBe(before);
  }, 120_000);
});
