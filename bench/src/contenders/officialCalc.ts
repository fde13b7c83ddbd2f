import { createSdkMcpServer, tool } from '@anthropic-ai/claude-agent-sdk';
import { z } from 'zod';

/** The `calc` server (tool `add`) on the official SDK's own `createSdkMcpServer`. */
export function officialCalc(): ReturnType<typeof createSdkMcpServer> {
  const add = tool(
    'add',
    'Add two numbers',
    { a: z.number(), b: z.number() },
    async ({ a, b }) => ({
      content: [{ type: 'text', text: `${a + b}` }],
    }),
  );
  return createSdkMcpServer({ name: 'calc', version: '1.0.0', tools: [add] });
}
