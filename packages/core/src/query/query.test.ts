import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { answerInitialize, echoCli, FakeTransport } from '../../test/FakeTransport.js';
import { AbortError } from '../errors/AbortError.js';
import { AgentSDKError } from '../errors/AgentSDKError.js';
import { ProcessError } from '../errors/ProcessError.js';
import { ResultError } from '../errors/ResultError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import { query } from './query.js';

async function collect(iterable: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const out: SDKMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

const userText = (m: Record<string, unknown>): string =>
  ((m.message as { content: Array<{ text: string }> }).content[0] as { text: string }).text;

describe('query() with a string prompt', () => {
  it('writes initialize then the user message, yields the turn and ends when the CLI exits', async () => {
    const fake = new FakeTransport(echoCli);
    const messages = await collect(query({ prompt: 'hi', transport: fake }));
    expect(fake.written[0]).toMatchObject({
      type: 'control_request',
      request: { subtype: 'initialize', systemPrompt: [''] },
    });
    expect(fake.written[1]).toEqual({
      type: 'user',
      session_id: '',
      message: { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      parent_tool_use_id: null,
    });
    expect(messages.map((m) => m.type)).toEqual([
      'system',
      'system',
      'assistant',
      'result',
      'system',
    ]);
    expect(fake.inputEnded).toBe(true);
  });

  it('keeps stdin open after the first result until the CLI reports idle (background turns)', async () => {
    const fake = new FakeTransport((msg, f) => {
      answerInitialize(msg, f);
      if (msg.type !== 'user') return;
      f.emit({
        type: 'system',
        subtype: 'session_state_changed',
        state: 'running',
        session_id: 's',
        uuid: '1',
      });
      f.emit({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'first',
        session_id: 's',
        uuid: '2',
      });
    });
    const q = query({ prompt: 'start a background task', transport: fake });
    const seen: string[] = [];
    for await (const m of q) {
      if (m.type === 'result') {
        seen.push(m.subtype === 'success' ? m.result : m.subtype);
        if (seen.length === 1) {
          expect(fake.inputEnded).toBe(false); // a background task is still running
          // The task finishes: the CLI starts a turn by itself.
          fake.emit({
            type: 'result',
            subtype: 'success',
            is_error: false,
            result: 'background',
            session_id: 's',
            uuid: '3',
          });
          fake.emit({
            type: 'system',
            subtype: 'session_state_changed',
            state: 'idle',
            session_id: 's',
            uuid: '4',
          });
        }
      }
    }
    expect(seen).toEqual(['first', 'background']);
    expect(fake.inputEnded).toBe(true);
  });

  it('passes unknown message types through unchanged', async () => {
    const fake = new FakeTransport((msg, f) => {
      echoCli(msg, f);
      if (msg.type === 'user') f.emit({ type: 'keep_alive', extra: 1 });
    });
    const messages = await collect(query({ prompt: 'x', transport: fake }));
    expect(messages).toContainEqual({ type: 'keep_alive', extra: 1 });
  });

  it('throws ResultError for an error result only when asked', async () => {
    const errorCli = (msg: Record<string, unknown>, f: FakeTransport): void => {
      answerInitialize(msg, f);
      if (msg.type === 'user') {
        f.emit({
          type: 'result',
          subtype: 'error_max_turns',
          is_error: true,
          errors: ['Reached maximum number of turns (1)'],
          session_id: 's',
          uuid: 'r',
        });
      }
    };
    const asData = await collect(query({ prompt: 'x', transport: new FakeTransport(errorCli) }));
    expect(asData.at(-1)).toMatchObject({
      type: 'result',
      subtype: 'error_max_turns',
      is_error: true,
    });

    const thrown = await collect(
      query({
        prompt: 'x',
        transport: new FakeTransport(errorCli),
        options: { throwOnResultError: true },
      }),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ResultError);
    expect((thrown as ResultError).message).toContain('Reached maximum number of turns (1)');
    expect((thrown as ResultError).result.subtype).toBe('error_max_turns');
  });

  it('surfaces a CLI that dies mid-turn as ProcessError with its stderr tail', async () => {
    const fake = new FakeTransport((msg, f) => {
      answerInitialize(msg, f);
      if (msg.type === 'user')
        f.exit({ exitCode: 1, signal: null, stderrTail: 'Error: out of cheese' });
    });
    const error = await collect(query({ prompt: 'x', transport: fake })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect(AgentSDKError.is(error)).toBe(true);
    expect((error as ProcessError).exitCode).toBe(1);
    expect((error as ProcessError).message).toContain('out of cheese');
    expect((error as ProcessError).message).toContain('middle of a turn');
  });

  it('fails with ProcessError when the CLI exits before answering initialize (unknown --resume)', async () => {
    const fake = new FakeTransport((msg, f) => {
      if (msg.type !== 'user') return;
      f.emit({
        type: 'result',
        subtype: 'error_during_execution',
        is_error: true,
        errors: ['No conversation found with session ID: x'],
        num_turns: 0,
        session_id: 's',
        uuid: 'r',
      });
      f.exit({ exitCode: 1, signal: null, stderrTail: 'No conversation found with session ID: x' });
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const m of query({ prompt: 'x', transport: fake })) seen.push(m.type);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['result']);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as Error).message).toContain('before answering initialize');
    expect((error as Error).message).toContain('No conversation found');
  });
});

describe('query() lifecycle', () => {
  it('closes the CLI on break', async () => {
    const fake = new FakeTransport(echoCli);
    for await (const m of query({ prompt: 'x', transport: fake })) {
      if (m.type === 'assistant') break;
    }
    expect(fake.closed).toBe(true);
  });

  it('closes the CLI when the consumer throws', async () => {
    const fake = new FakeTransport(echoCli);
    await expect(
      (async () => {
        for await (const m of query({ prompt: 'x', transport: fake })) {
          if (m.type === 'assistant') throw new Error('consumer bug');
        }
      })(),
    ).rejects.toThrow('consumer bug');
    expect(fake.closed).toBe(true);
  });

  it('ends with AbortError and closes the CLI when the abortSignal fires', async () => {
    const controller = new AbortController();
    const fake = new FakeTransport(answerInitialize); // never answers the turn
    const q = query({ prompt: 'x', transport: fake, options: { abortSignal: controller.signal } });
    const pending = q.next();
    await fake.waitForWrite((m) => m.type === 'user');
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(fake.closed).toBe(true);
  });

  it('never spawns for a query that is never iterated', () => {
    const fake = new FakeTransport(echoCli);
    query({ prompt: 'x', transport: fake });
    expect(fake.sink).toBeUndefined();
  });

  it('close() is idempotent and ends a pending next()', async () => {
    const fake = new FakeTransport(answerInitialize);
    const q = query({ prompt: 'x', transport: fake });
    const pending = q.next();
    await fake.waitForWrite((m) => m.type === 'user');
    await Promise.all([q.close(), q.close()]);
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('answers CLI control requests while the consumer is not reading', async () => {
    const fake = new FakeTransport((msg, f) => {
      answerInitialize(msg, f);
      if (msg.type === 'user') {
        for (let i = 0; i < 100; i++)
          f.emit({ type: 'assistant', message: { content: [] }, uuid: String(i) });
        f.emit({
          type: 'control_request',
          request_id: 'cli-1',
          request: { subtype: 'not_yet_supported' },
        });
      }
    });
    const q = query({ prompt: 'x', transport: fake });
    await q.next(); // one pull starts the session; then the consumer stalls
    const reply = await fake.waitForWrite((m) => m.type === 'control_response');
    expect(reply.response).toMatchObject({ subtype: 'error', request_id: 'cli-1' });
    await q.close();
  });

  it('runs 1,000 sequential queries without leaking listeners', async () => {
    const controller = new AbortController();
    const before = process.listenerCount('exit');
    for (let i = 0; i < 1000; i++) {
      const messages = await collect(
        query({
          prompt: `n${i}`,
          transport: new FakeTransport(echoCli),
          options: { abortSignal: controller.signal },
        }),
      );
      expect(messages.at(-2)).toMatchObject({ type: 'result', result: `echo: n${i}` });
    }
    expect(process.listenerCount('exit')).toBe(before);
    // Each finished query removed its abort listener.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('query() with an AsyncIterable prompt', () => {
  it('sends each message as a turn and ends after the last result', async () => {
    const fake = new FakeTransport(echoCli);
    async function* prompts() {
      yield 'one';
      yield {
        type: 'user' as const,
        session_id: '',
        message: { role: 'user' as const, content: [{ type: 'text' as const, text: 'two' }] },
        parent_tool_use_id: null,
      };
    }
    const messages = await collect(query({ prompt: prompts(), transport: fake }));
    const results = messages.filter((m) => m.type === 'result');
    expect(results.map((r) => (r.subtype === 'success' ? r.result : ''))).toEqual([
      'echo: one',
      'echo: two',
    ]);
    expect(fake.written.filter((m) => m.type === 'user').map(userText)).toEqual(['one', 'two']);
  });

  it('surfaces an error thrown by the prompt iterable and closes the CLI', async () => {
    const fake = new FakeTransport(echoCli);
    async function* prompts(): AsyncGenerator<string> {
      yield 'one';
      throw new Error('prompt source failed');
    }
    await expect(collect(query({ prompt: prompts(), transport: fake }))).rejects.toThrow(
      'prompt source failed',
    );
    expect(fake.closed).toBe(true);
  });
});

describe('Query control methods', () => {
  it('sends the control requests the CLI answers', async () => {
    const fake = new FakeTransport(answerInitialize);
    const q = query({ prompt: 'x', transport: fake });
    await q.interrupt();
    await q.setPermissionMode('plan');
    await q.setModel('claude-sonnet-4-5');
    await q.setModel();
    await q.setMaxThinkingTokens(1024);
    await q.mcpServerStatus();
    const info = await q.getServerInfo();
    expect(info).toMatchObject({ pid: 1 });
    const requests = fake.written.filter((m) => m.type === 'control_request').map((m) => m.request);
    expect(requests).toEqual([
      expect.objectContaining({ subtype: 'initialize' }),
      { subtype: 'interrupt' },
      { subtype: 'set_permission_mode', mode: 'plan' },
      { subtype: 'set_model', model: 'claude-sonnet-4-5' },
      { subtype: 'set_model' },
      { subtype: 'set_max_thinking_tokens', max_thinking_tokens: 1024 },
      { subtype: 'mcp_status' },
    ]);
    await q.close();
  });
});

describe('control request options', () => {
  it('honours a per-call timeout and abort signal', async () => {
    const silent = new FakeTransport((msg, f) => {
      // Answers initialize only: every later control request stays unanswered.
      if ((msg.request as { subtype?: string } | undefined)?.subtype === 'initialize')
        answerInitialize(msg, f);
    });
    const q = query({ prompt: 'x', transport: silent });
    await q.getServerInfo();
    await expect(q.interrupt({ timeoutMs: 5 })).rejects.toMatchObject({ code: 'CONTROL_TIMEOUT' });
    const controller = new AbortController();
    const pending = q.setModel('m', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(q.request('get_context_usage', {}, { timeoutMs: 5 })).rejects.toMatchObject({
      code: 'CONTROL_TIMEOUT',
    });
    await q.close();
  });
});

describe('ClaudeSDKClient.query', () => {
  it('writes a string turn for the given session id, or the current one', async () => {
    const { ClaudeSDKClient } = await import('./ClaudeSDKClient.js');
    const fake = new FakeTransport(echoCli);
    const client = new ClaudeSDKClient({}, fake);
    await client.connect();
    await client.query('first');
    for await (const m of client.receiveResponse()) void m;
    await client.query('second', 'explicit-id');
    const users = fake.written.filter((m) => m.type === 'user');
    expect(users.map((m) => m.session_id)).toEqual(['', 'explicit-id']);
    expect(users.map(userText)).toEqual(['first', 'second']);
    await client.disconnect();
  });
});
