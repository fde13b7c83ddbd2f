import { fileURLToPath } from 'node:url';
import { ClaudeSDKClient, query, type SDKMessage } from '@agentsdk/core';
import { createSdkMcpServer, tool } from '@agentsdk/tools';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calculator } from './fixtures/calculator.mjs';
import { e2e } from './harness.js';
import { callTool, collect, results, say, toolResultsIn } from './wire.js';

const stdioServer = fileURLToPath(new URL('./fixtures/calculatorStdio.mjs', import.meta.url));
const calcTools = ['add', 'subtract', 'multiply', 'divide'].map((t) => `mcp__calc__${t}`);

describe('@agentsdk/tools against the real CLI', () => {
  it('runs the calculator in process, division by zero as an error result', async () => {
    const t = await e2e([
      callTool('mcp__calc__add', { a: 10, b: 5 }, 'toolu_add'),
      callTool('mcp__calc__divide', { a: 1, b: 0 }, 'toolu_div'),
      say('15, and 1/0 is undefined'),
    ]);
    const [result] = results(
      await collect(
        query({
          prompt: 'compute',
          options: t.options({ mcpServers: { calc: calculator() }, allowedTools: calcTools }),
        }),
      ),
    );
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(got).toContainEqual(
      expect.objectContaining({
        tool_use_id: 'toolu_add',
        content: [{ type: 'text', text: '10 + 5 = 15' }],
      }),
    );
    // The CLI flattens an error result's content to a string before the model sees it.
    const division = got.find((r) => r.tool_use_id === 'toolu_div');
    expect(division?.is_error).toBe(true);
    expect(JSON.stringify(division?.content)).toContain('Error: Division by zero');
    expect(result).toMatchObject({ subtype: 'success', result: '15, and 1/0 is undefined' });
  });

  it('serves the same tools as an external stdio MCP server', async () => {
    const t = await e2e([callTool('mcp__calc__multiply', { a: 6, b: 7 }, 'toolu_mul'), say('42')]);
    const messages = await collect(
      query({
        prompt: 'multiply',
        options: t.options({
          mcpServers: { calc: { type: 'stdio', command: process.execPath, args: [stdioServer] } },
          allowedTools: calcTools,
        }),
      }),
    );
    const init = messages.find((m) => m.type === 'system' && m.subtype === 'init');
    expect(init).toMatchObject({
      mcp_servers: [expect.objectContaining({ name: 'calc', status: 'connected' })],
    });
    expect(toolResultsIn(t.server.lastMainRequest())).toContainEqual(
      expect.objectContaining({
        tool_use_id: 'toolu_mul',
        content: [{ type: 'text', text: '6 × 7 = 42' }],
      }),
    );
  });

  it('returns structured content with an output schema, and a throwing tool is an error result', async () => {
    const weather = createSdkMcpServer({
      name: 'wx',
      tools: [
        tool(
          'forecast',
          'Forecast for a city',
          { city: z.string() },
          ({ city }) => ({ city, tempC: 21 }),
          {
            outputSchema: z.object({ city: z.string(), tempC: z.number() }),
          },
        ),
        tool('broken', 'Always throws', {}, () => {
          throw new Error('sensor offline');
        }),
      ],
    });
    const t = await e2e([
      callTool('mcp__wx__forecast', { city: 'Oslo' }, 'toolu_fc'),
      callTool('mcp__wx__broken', {}, 'toolu_broken'),
      say('done'),
    ]);
    const [result] = results(
      await collect(
        query({
          prompt: 'weather',
          options: t.options({ mcpServers: { wx: weather }, allowedTools: weather.toolNames() }),
        }),
      ),
    );
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(JSON.stringify(got.find((r) => r.tool_use_id === 'toolu_fc')?.content)).toContain(
      'Oslo',
    );
    const broken = got.find((r) => r.tool_use_id === 'toolu_broken');
    expect(broken?.is_error).toBe(true);
    expect(JSON.stringify(broken?.content)).toContain('sensor offline');
    expect(result).toMatchObject({ subtype: 'success' });
  });

  it('aborts a slow tool when the turn is interrupted', async () => {
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    let aborted = false;
    const slow = createSdkMcpServer({
      name: 'slow',
      tools: [
        tool('wait', 'Waits until cancelled', {}, (_args, { signal }) => {
          started();
          return new Promise<string>((_resolve, reject) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(new Error('cancelled'));
            }),
          );
        }),
      ],
    });
    const t = await e2e([callTool('mcp__slow__wait', {}), say('after')]);
    await using client = new ClaudeSDKClient(
      t.options({ mcpServers: { slow }, allowedTools: slow.toolNames() }),
    );
    await client.connect('wait for it');
    await running;
    await client.interrupt();
    const turn: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) turn.push(m);
    expect(results(turn)[0]).toMatchObject({ subtype: 'error_during_execution' });
    expect(aborted).toBe(true);
  });
});
