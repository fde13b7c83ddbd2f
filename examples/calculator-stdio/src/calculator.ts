// #region calculator
import { z } from 'zod';
import { createSdkMcpServer, tool } from '@agentsdk/tools';

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
