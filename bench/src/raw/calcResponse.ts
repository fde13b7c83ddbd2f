/** JSON-RPC as it travels inside `mcp_message`. */
interface RpcMessage {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: { arguments?: { a?: number; b?: number } };
}

const ADD_TOOL = {
  name: 'add',
  description: 'Add two numbers',
  inputSchema: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
  },
};

/** A hand-written `calc` MCP server: the JSON-RPC answer to one message (docs/protocol.md §4.2). */
export function calcResponse(message: RpcMessage): Record<string, unknown> {
  const id = message.id;
  switch (message.method) {
    case 'initialize':
      return {
        jsonrpc: '2.0',
        id,
        result: {
          protocolVersion: '2025-11-25',
          capabilities: { tools: {} },
          serverInfo: { name: 'calc', version: '1.0.0' },
        },
      };
    case 'tools/list':
      return { jsonrpc: '2.0', id, result: { tools: [ADD_TOOL] } };
    case 'tools/call': {
      const { a = 0, b = 0 } = message.params?.arguments ?? {};
      return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: `${a + b}` }] } };
    }
    default:
      // Notifications get an empty result, as the official SDK answers them.
      if (id === undefined) return { jsonrpc: '2.0', result: {}, id: 0 };
      return {
        jsonrpc: '2.0',
        id,
        error: { code: -32601, message: `No method ${message.method}` },
      };
  }
}
