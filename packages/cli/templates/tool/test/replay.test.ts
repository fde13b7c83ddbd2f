import { query } from '@agentsdk/core';
import { collect, replayTransport, toolCalls } from '@agentsdk/testing';
import { expect, it } from 'vitest';
import { server } from '../src/index.js';

it('greet answers the recorded tool call, without the CLI', async () => {
  const transport = replayTransport(new URL('./fixtures/greet.jsonl', import.meta.url));
  const options = { mcpServers: { tools: server }, allowedTools: ['mcp__tools__greet'] };
  const messages = await collect(query({ prompt: 'Greet Ada.', options, transport }));
  expect(toolCalls(messages)).toMatchObject([
    { name: 'mcp__tools__greet', input: { name: 'Ada' }, isError: false },
  ]);
});
