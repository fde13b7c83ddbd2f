/**
 * The README's replay test for a tool. The README shows the region below with
 * `@agentsdk/testing` for the source import and `./calculator.js` (any in-process MCP server,
 * e.g. from `createSdkMcpServer`; this one logs its calls) — test/readme.test.ts checks it.
 */
// #region toolReplay
import { query } from '@agentsdk/core';
import { collect, replayTransport, toolCalls } from '../../src/index.js';
import { expect, it } from 'vitest';
import { calculator } from '../support/calculator.js';

it('calc answers the recorded tool call, without the CLI', async () => {
  const calc = calculator();
  const transport = replayTransport(new URL('../../fixtures/tool-call.jsonl', import.meta.url));
  const prompt = 'What is 2 + 3? Use the calculator.';
  const messages = await collect(query({ prompt, options: { mcpServers: { calc } }, transport }));
  expect(calc.calls).toEqual([{ tool: 'add', args: { a: 2, b: 3 } }]); // the real handler ran
  expect(toolCalls(messages)).toMatchObject([{ name: 'mcp__calc__add', isError: false }]);
});
// #endregion toolReplay
