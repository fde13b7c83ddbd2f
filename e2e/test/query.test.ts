import {
  ClaudeSDKClient,
  CLIConnectionError,
  CLINotFoundError,
  ControlError,
  ProcessError,
  query,
  type SDKMessage,
  type SDKResultMessage,
  type SDKUserMessageInput,
} from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';

async function collect(iterable: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const out: SDKMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

function results(messages: SDKMessage[]): SDKResultMessage[] {
  return messages.filter((m): m is SDKResultMessage => m.type === 'result');
}

const text = (t: string) => ({ content: [{ type: 'text' as const, text: t }] });

describe('query() against the real CLI', () => {
  it('answers a one-shot text prompt', async () => {
    const t = await e2e([text('Hello from the scripted model.')]);
    const messages = await collect(query({ prompt: 'Say hello', options: t.options() }));
    const [result] = results(messages);
    expect(result).toMatchObject({
      subtype: 'success',
      is_error: false,
      result: 'Hello from the scripted model.',
    });
    const init = messages.find((m) => m.type === 'system' && m.subtype === 'init');
    expect(init).toMatchObject({ cwd: t.cwd, session_id: result?.session_id });
    const main = t.server.lastMainRequest();
    expect(JSON.stringify(main?.body?.messages)).toContain('Say hello');
  });

  it('takes an AsyncIterable prompt of several turns on one process', async () => {
    const t = await e2e([text('first answer'), text('second answer')]);
    async function* prompts(): AsyncGenerator<SDKUserMessageInput | string> {
      yield 'first question';
      yield {
        type: 'user',
        session_id: '',
        message: { role: 'user', content: 'second question' },
        parent_tool_use_id: null,
      };
    }
    const rs = results(await collect(query({ prompt: prompts(), options: t.options() })));
    expect(rs.map((r) => (r.subtype === 'success' ? r.result : r.subtype))).toEqual([
      'first answer',
      'second answer',
    ]);
    expect(new Set(rs.map((r) => r.session_id)).size).toBe(1);
  });

  it('reports structured output from outputFormat', async () => {
    const t = await e2e([
      {
        content: [
          {
            type: 'tool_use',
            name: 'StructuredOutput',
            input: { answer: 'Paris', confidence: 0.9 },
          },
        ],
      },
    ]);
    // Zod 4's z.toJSONSchema() adds this dialect; the CLI drops the tool for it, so core strips it.
    const dialect = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
      required: ['answer'],
    };
    const rs = results(
      await collect(
        query({
          prompt: 'Capital of France?',
          options: t.options({
            outputFormat: { type: 'json_schema', schema: { ...dialect, ...schema } },
          }),
        }),
      ),
    );
    expect(rs[0]).toMatchObject({
      subtype: 'success',
      structured_output: { answer: 'Paris', confidence: 0.9 },
    });
    const tools = t.server.lastMainRequest()?.body?.tools as Array<{
      name: string;
      input_schema: unknown;
    }>;
    expect(tools.find((tool) => tool.name === 'StructuredOutput')?.input_schema).toMatchObject(
      schema,
    );
  });

  it('stops at maxTurns with error_max_turns', async () => {
    const t = await e2e([
      {
        content: [
          { type: 'tool_use', name: 'Bash', input: { command: 'echo hi', description: 'say hi' } },
        ],
      },
      text('never reached'),
    ]);
    const rs = results(
      await collect(
        query({ prompt: 'run it', options: t.options({ maxTurns: 1, allowedTools: ['Bash'] }) }),
      ),
    );
    expect(rs[0]).toMatchObject({ subtype: 'error_max_turns', is_error: true });
  });

  it('surfaces an API 401 as an is_error result (data, not a throw)', async () => {
    const t = await e2e([
      { error: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' } },
    ]);
    const rs = results(await collect(query({ prompt: 'hi', options: t.options() })));
    expect(rs[0]).toMatchObject({ is_error: true });
  });
});

describe('ClaudeSDKClient against the real CLI', () => {
  it('holds several turns on one process: one session id, cost accumulates', async () => {
    const t = await e2e([text('one'), text('two'), text('three')]);
    await using client = new ClaudeSDKClient(t.options());
    await client.connect();
    const info = await client.getServerInfo();
    expect(info.claude_code_version).toMatch(/^\d+\.\d+\.\d+/);
    const rs: SDKResultMessage[] = [];
    for (const prompt of ['first', 'second', 'third']) {
      await client.query(prompt);
      for await (const m of client.receiveResponse()) if (m.type === 'result') rs.push(m);
    }
    expect(rs.map((r) => (r.subtype === 'success' ? r.result : ''))).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(new Set(rs.map((r) => r.session_id)).size).toBe(1);
    const costs = rs.map((r) => r.total_cost_usd);
    expect(costs[1]).toBeGreaterThan(costs[0] as number);
    expect(costs[2]).toBeGreaterThan(costs[1] as number);
  });

  it('interrupts a turn mid-stream and then answers the next one', async () => {
    const t = await e2e([
      {
        content: [{ type: 'text', text: 'A very long answer that will be cut off. '.repeat(40) }],
        stall_after_chars: 60,
      },
      text('after the interrupt'),
    ]);
    await using client = new ClaudeSDKClient(t.options());
    await client.connect();
    await client.query('tell me a long story');
    await t.server.waitForStall();
    await client.interrupt();
    const first: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) first.push(m);
    expect(results(first)[0]).toMatchObject({ subtype: 'error_during_execution', is_error: true });

    await client.query('and now?');
    const second: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) second.push(m);
    expect(results(second)[0]).toMatchObject({ subtype: 'success', result: 'after the interrupt' });
  });

  it('applies setModel and setPermissionMode to the next turn', async () => {
    const t = await e2e([text('a'), text('b')]);
    await using client = new ClaudeSDKClient(t.options());
    await client.connect();
    await client.query('one');
    for await (const _ of client.receiveResponse());
    await client.setPermissionMode('plan');
    await client.setModel('claude-sonnet-4-5');
    await client.query('two');
    const turn: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) turn.push(m);
    const init = turn.find((m) => m.type === 'system' && m.subtype === 'init');
    expect(init).toMatchObject({ permissionMode: 'plan', model: 'claude-sonnet-4-5' });
    expect(t.server.lastMainRequest()?.model).toBe('claude-sonnet-4-5');
  });

  it('rejects an invalid permission mode with a typed ControlError', async () => {
    const t = await e2e();
    await using client = new ClaudeSDKClient(t.options());
    await client.connect();
    const error = await client.setPermissionMode('not-a-mode' as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlError);
    expect((error as ControlError).errorCode).toBe('invalid_mode');
    // The session survives a rejected control request.
    expect((await client.mcpServerStatus()).length).toBe(0);
  });
});

describe('sessions against the real CLI', () => {
  it('resumes (same id, history kept) and forks (new id, history kept)', async () => {
    const t = await e2e([text('remembered'), text('resumed'), text('forked')]);
    const [first] = results(
      await collect(query({ prompt: 'remember the word kiwi', options: t.options() })),
    );
    const id = first?.session_id as string;

    const [resumed] = results(
      await collect(query({ prompt: 'what was the word?', options: t.options({ resume: id }) })),
    );
    expect(resumed).toMatchObject({ session_id: id, result: 'resumed' });
    expect(JSON.stringify(t.server.lastMainRequest()?.body?.messages)).toContain(
      'remember the word kiwi',
    );

    const [forked] = results(
      await collect(
        query({
          prompt: 'and in the fork?',
          options: t.options({ resume: id, forkSession: true }),
        }),
      ),
    );
    expect(forked?.session_id).not.toBe(id);
    expect(forked).toMatchObject({ result: 'forked' });
    const history = JSON.stringify(t.server.lastMainRequest()?.body?.messages);
    expect(history).toContain('remember the word kiwi');
    expect(history).toContain('what was the word?');
  });

  it('fails fast with a typed error for an unknown resume id', async () => {
    const t = await e2e();
    const error = await collect(
      query({
        prompt: 'hi',
        options: t.options({ resume: '00000000-0000-4000-8000-000000000000' }),
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).stderr).toContain('No conversation found');
  });
});

describe('failures against the real CLI', () => {
  it('turns a CLI killed mid-turn into ProcessError without hanging', async () => {
    const t = await e2e([
      { content: [{ type: 'text', text: 'x'.repeat(500) }], stall_after_chars: 20 },
    ]);
    const q = query({ prompt: 'go', options: t.options() });
    const pid = (await q.getServerInfo()).pid as number;
    const consumed = collect(q).catch((e: unknown) => e);
    await t.server.waitForStall();
    process.kill(pid, 'SIGKILL');
    const error = await consumed;
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).signal).toBe('SIGKILL');
  });

  it('reports a missing CLI and a missing cwd clearly', async () => {
    const t = await e2e();
    await expect(
      collect(query({ prompt: 'hi', options: t.options({ cliPath: '/nowhere/claude' }) })),
    ).rejects.toBeInstanceOf(CLINotFoundError);
    const error = await collect(
      query({ prompt: 'hi', options: t.options({ cwd: `${t.cwd}/missing` }) }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CLIConnectionError);
    expect((error as Error).message).toContain(`${t.cwd}/missing`);
  });
});
