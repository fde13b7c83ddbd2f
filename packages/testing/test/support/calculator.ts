import type { JSONRPCMessage, McpSdkServerConfig, SdkMcpServer } from '@agentsdk/core';

/** One call the calculator's handler received. */
export interface CalculatorCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface Calculator extends McpSdkServerConfig {
  /** Every tool call the handlers received, in order. */
  calls: CalculatorCall[];
}

const numbers = {
  type: 'object',
  properties: {
    a: { type: 'number', description: 'First number' },
    b: { type: 'number', description: 'Second number' },
  },
  required: ['a', 'b'],
  additionalProperties: false,
};

/**
 * An in-process MCP server "calc" (add, multiply) written against core's `SdkMcpServer`
 * contract — what `createSdkMcpServer()` from @agentsdk/tools returns, without depending on
 * it. `compute` replaces the arithmetic (to simulate a tool whose answer changed).
 */
export function calculator(
  compute: (tool: string, a: number, b: number) => number = (tool, a, b) =>
    tool === 'add' ? a + b : a * b,
): Calculator {
  const calls: CalculatorCall[] = [];
  const instance: SdkMcpServer = {
    name: 'calc',
    version: '1.0.0',
    handleMessage(message: JSONRPCMessage): Promise<JSONRPCMessage | undefined> {
      const reply = (result: unknown): Promise<JSONRPCMessage> =>
        Promise.resolve({ jsonrpc: '2.0', id: message.id ?? null, result });
      switch (message.method) {
        case 'initialize':
          return reply({
            protocolVersion:
              (message.params as { protocolVersion?: string } | undefined)?.protocolVersion ??
              '2025-06-18',
            capabilities: { tools: {} },
            serverInfo: { name: 'calc', version: '1.0.0' },
          });
        case 'tools/list':
          return reply({
            tools: [
              { name: 'add', description: 'Add two numbers', inputSchema: numbers },
              { name: 'multiply', description: 'Multiply two numbers', inputSchema: numbers },
            ],
          });
        case 'tools/call': {
          const { name, arguments: args = {} } = message.params as {
            name: string;
            arguments?: Record<string, unknown>;
          };
          calls.push({ tool: name, args });
          if (name !== 'add' && name !== 'multiply') {
            return reply({
              content: [{ type: 'text', text: `Unknown tool: ${name}` }],
              isError: true,
            });
          }
          const { a, b } = args;
          if (typeof a !== 'number' || typeof b !== 'number') {
            return reply({
              content: [{ type: 'text', text: 'a and b must be numbers' }],
              isError: true,
            });
          }
          return reply({ content: [{ type: 'text', text: String(compute(name, a, b)) }] });
        }
        default:
          if (message.id === undefined) return Promise.resolve(undefined);
          return Promise.resolve({
            jsonrpc: '2.0',
            id: message.id,
            error: { code: -32601, message: `Method not found: ${String(message.method)}` },
          });
      }
    },
  };
  return { type: 'sdk', name: 'calc', instance, calls };
}
