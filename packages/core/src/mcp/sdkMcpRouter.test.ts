import { describe, expect, it } from 'vitest';
import type { McpServerConfig } from '../options/ClaudeAgentOptions.js';
import { mcpMessageHandler, sdkMcpServers } from './sdkMcpRouter.js';
import type { JSONRPCMessage, SdkMcpServer } from './SdkMcpServer.js';

const echo: SdkMcpServer = {
  name: 'echo',
  async handleMessage(message: JSONRPCMessage) {
    if (message.id === undefined) return undefined;
    if (message.method === 'boom') throw new Error('server bug');
    return { jsonrpc: '2.0', id: message.id, result: { method: message.method } };
  },
};
const ctx = () => ({ signal: new AbortController().signal, requestId: 'r' });

describe('sdk MCP routing', () => {
  const servers = sdkMcpServers({
    echo: { type: 'sdk', name: 'echo', instance: echo },
    ext: { type: 'stdio', command: 'x' },
  } satisfies Record<string, McpServerConfig>);

  it('keeps only in-process servers', () => {
    expect([...servers.keys()]).toEqual(['echo']);
  });

  it('wraps the JSON-RPC response as mcp_response', async () => {
    const reply = await mcpMessageHandler(servers)(
      {
        subtype: 'mcp_message',
        server_name: 'echo',
        message: { jsonrpc: '2.0', id: 7, method: 'tools/list' },
      },
      ctx(),
    );
    expect(reply).toEqual({
      mcp_response: { jsonrpc: '2.0', id: 7, result: { method: 'tools/list' } },
    });
  });

  it('answers notifications with an empty result', async () => {
    const reply = await mcpMessageHandler(servers)(
      {
        subtype: 'mcp_message',
        server_name: 'echo',
        message: { jsonrpc: '2.0', method: 'notifications/initialized' },
      },
      ctx(),
    );
    expect(reply).toEqual({ mcp_response: { jsonrpc: '2.0', result: {}, id: 0 } });
  });

  it('answers unknown servers and throwing servers with JSON-RPC errors', async () => {
    const handler = mcpMessageHandler(servers);
    expect(
      await handler(
        {
          subtype: 'mcp_message',
          server_name: 'nope',
          message: { jsonrpc: '2.0', id: 1, method: 'x' },
        },
        ctx(),
      ),
    ).toMatchObject({
      mcp_response: { id: 1, error: { code: -32601 } },
    });
    expect(
      await handler(
        {
          subtype: 'mcp_message',
          server_name: 'echo',
          message: { jsonrpc: '2.0', id: 2, method: 'boom' },
        },
        ctx(),
      ),
    ).toMatchObject({
      mcp_response: { id: 2, error: { code: -32603, message: 'server bug' } },
    });
  });

  it("carries a server-to-client request out through notify and the CLI's answer back in", async () => {
    // What CLI 2.1.331 does: our request goes out as an mcp_message control request, and the
    // answer comes back later as a separate mcp_message holding the JSON-RPC response.
    let answered!: (message: JSONRPCMessage) => void;
    const answer = new Promise<JSONRPCMessage>((resolve) => (answered = resolve));
    const asking: SdkMcpServer = {
      name: 'asking',
      async handleMessage(message, context) {
        if (message.method === undefined) {
          answered(message);
          return undefined;
        }
        context.sendNotification?.({ jsonrpc: '2.0', id: 's1', method: 'roots/list' });
        return { jsonrpc: '2.0', id: message.id!, result: await answer };
      },
    };
    const routed = new Map([['asking', asking]]);
    const handler = mcpMessageHandler(routed, (server_name, message) => {
      expect([server_name, message.method]).toEqual(['asking', 'roots/list']);
      void handler(
        {
          subtype: 'mcp_message',
          server_name,
          message: { jsonrpc: '2.0', id: message.id!, result: { roots: [] } },
        },
        ctx(),
      );
    });
    const reply = await handler(
      {
        subtype: 'mcp_message',
        server_name: 'asking',
        message: { jsonrpc: '2.0', id: 3, method: 'tools/call' },
      },
      ctx(),
    );
    expect(reply).toEqual({
      mcp_response: {
        jsonrpc: '2.0',
        id: 3,
        result: { jsonrpc: '2.0', id: 's1', result: { roots: [] } },
      },
    });
  });
});
