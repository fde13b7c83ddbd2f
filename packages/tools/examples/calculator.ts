// #region calculator
import { z } from 'zod';
import { createSdkMcpServer, tool } from '../src/index.js';

const numbers = { a: z.number().describe('First number'), b: z.number().describe('Second number') };

export const calculator = createSdkMcpServer({
  name: 'calc',
  version: '1.0.0',
  tools: [
    tool('add', 'Add two numbers', numbers, ({ a, b }) => `${a} + ${b} = ${a + b}`),
    tool('subtract', 'Subtract b from a', numbers, ({ a, b }) => `${a} - ${b} = ${a - b}`),
    tool('multiply', 'Multiply two numbers', numbers, ({ a, b }) => `${a} × ${b} = ${a * b}`),
    tool('divide', 'Divide a by b', numbers, ({ a, b }) =>
      b === 0
        ? { content: [{ type: 'text', text: 'Error: Division by zero' }], isError: true }
        : `${a} ÷ ${b} = ${a / b}`,
    ),
  ],
});
// #endregion calculator

// #region demo
/** Drive the server the way Claude Code does (JSON-RPC over `mcp_message`) and print each answer. */
export async function demo(print: (line: string) => void = console.log): Promise<void> {
  const { signal } = new AbortController();
  print(`allowedTools: ${JSON.stringify(calculator.toolNames())}`);
  const calls: [string, Record<string, unknown>][] = [
    ['add', { a: 10, b: 5 }],
    ['multiply', { a: 15, b: 3 }],
    ['divide', { a: 1, b: 0 }],
    ['subtract', { a: 'ten', b: 4 }],
  ];
  for (const [id, [name, args]] of calls.entries()) {
    const response = await calculator.instance.handleMessage(
      { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } },
      { signal },
    );
    print(`${name} ${JSON.stringify(args)} → ${JSON.stringify(response?.result)}`);
  }
}
// #endregion demo
