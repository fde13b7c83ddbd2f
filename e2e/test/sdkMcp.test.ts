import { ClaudeSDKClient, query } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { handMcpServer } from './handMcpServer.js';
import { callTool, collect, results, say, toolResultsIn } from './wire.js';

const numbers = {
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
};

function calculator() {
  return handMcpServer('calc', [
    {
      name: 'add',
      description: 'Add two numbers',
      inputSchema: numbers,
      call: (x) => String(Number(x.a) + Number(x.b)),
    },
    {
      name: 'mul',
      description: 'Multiply two numbers',
      inputSchema: numbers,
      call: (x) => String(Number(x.a) * Number(x.b)),
    },
    {
      name: 'explode',
      description: 'Always fails',
      inputSchema: { type: 'object', properties: {} },
      call: () => {
        throw new Error('kaboom');
      },
    },
  ]);
}

describe('in-process (SDK) MCP servers against the real CLI', () => {
  it('routes a tool call to the in-process server and the result reaches the model', async () => {
    const t = await e2e([
      callTool('mcp__calc__add', { a: 2, b: 3 }, 'toolu_add'),
      say('2 + 3 = 5'),
    ]);
    const calc = calculator();
    const messages = await collect(
      query({
        prompt: 'add 2 and 3',
        options: t.options({ mcpServers: { calc }, allowedTools: ['mcp__calc__add'] }),
      }),
    );
    const init = messages.find((m) => m.type === 'system' && m.subtype === 'init');
    expect(init).toMatchObject({
      mcp_servers: [expect.objectContaining({ name: 'calc', status: 'connected' })],
    });
    expect(calc.calls).toEqual(['add']);
    expect(toolResultsIn(t.server.lastMainRequest())).toContainEqual(
      expect.objectContaining({ tool_use_id: 'toolu_add', content: [{ type: 'text', text: '5' }] }),
    );
    expect(results(messages)[0]).toMatchObject({ result: '2 + 3 = 5' });
  });

  it('answers two tool calls of one model message', async () => {
    const t = await e2e([
      {
        content: [
          { type: 'tool_use', id: 'toolu_1', name: 'mcp__calc__add', input: { a: 1, b: 2 } },
          { type: 'tool_use', id: 'toolu_2', name: 'mcp__calc__mul', input: { a: 3, b: 4 } },
        ],
      },
      say('3 and 12'),
    ]);
    const calc = calculator();
    await collect(
      query({
        prompt: 'both',
        options: t.options({
          mcpServers: { calc },
          allowedTools: ['mcp__calc__add', 'mcp__calc__mul'],
        }),
      }),
    );
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(got).toContainEqual(
      expect.objectContaining({ tool_use_id: 'toolu_1', content: [{ type: 'text', text: '3' }] }),
    );
    expect(got).toContainEqual(
      expect.objectContaining({ tool_use_id: 'toolu_2', content: [{ type: 'text', text: '12' }] }),
    );
  });

  it('a failing tool gives the model an error result and the session lives', async () => {
    const t = await e2e([callTool('mcp__calc__explode', {}, 'toolu_x'), say('it failed, sorry')]);
    const [result] = results(
      await collect(
        query({
          prompt: 'explode',
          options: t.options({
            mcpServers: { calc: calculator() },
            allowedTools: ['mcp__calc__explode'],
          }),
        }),
      ),
    );
    expect(toolResultsIn(t.server.lastMainRequest())).toContainEqual(
      expect.objectContaining({ tool_use_id: 'toolu_x', is_error: true }),
    );
    expect(result).toMatchObject({ subtype: 'success', result: 'it failed, sorry' });
  });

  it('lists SDK servers as connected before the first turn', async () => {
    const t = await e2e([]);
    await using client = new ClaudeSDKClient(t.options({ mcpServers: { calc: calculator() } }));
    await client.connect();
    expect(await client.mcpServerStatus()).toContainEqual(
      expect.objectContaining({ name: 'calc', status: 'connected' }),
    );
  });

  it('lists SDK servers in mcpServerStatus()', async () => {
    const t = await e2e([say('hi')]);
    await using client = new ClaudeSDKClient(t.options({ mcpServers: { calc: calculator() } }));
    await client.connect('hi');
    for await (const _ of client.receiveResponse());
    expect(await client.mcpServerStatus()).toContainEqual(
      expect.objectContaining({ name: 'calc', status: 'connected' }),
    );
  });
});
