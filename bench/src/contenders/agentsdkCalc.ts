import { createSdkMcpServer, tool } from '@agentsdk/tools';
import { z } from 'zod';

/** The `calc` server (tool `add`) on `@agentsdk/tools`. */
export function agentsdkCalc(): ReturnType<typeof createSdkMcpServer> {
  const add = tool(
    'add',
    'Add two numbers',
    { a: z.number(), b: z.number() },
    async ({ a, b }) => `${a + b}`,
  );
  return createSdkMcpServer({ name: 'calc', version: '1.0.0', tools: [add] });
}
