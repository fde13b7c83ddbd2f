import type { InboundHandler } from '../control/ControlRouter.js';
import type { McpServerConfig } from '../options/ClaudeAgentOptions.js';
import type { JSONRPCMessage, SdkMcpServer } from './SdkMcpServer.js';

/** The in-process servers of `options.mcpServers` (entries with `type: 'sdk'`), by name. */
export function sdkMcpServers(
  servers: Record<string, McpServerConfig> | undefined,
): Map<string, SdkMcpServer> {
  const found = new Map<string, SdkMcpServer>();
  for (const [name, config] of Object.entries(servers ?? {})) {
    if (config.type === 'sdk') found.set(name, config.instance);
  }
  return found;
}

/**
 * Routes `mcp_message` to the in-process server it names and wraps the JSON-RPC answer as
 * `{ mcp_response }`. Requests run concurrently (the router does not serialise them); a
 * notification gets an empty result, as the CLI expects an answer to every control request.
 */
export function mcpMessageHandler(
  servers: Map<string, SdkMcpServer>,
  notify: (serverName: string, notification: JSONRPCMessage) => void = () => {},
): InboundHandler<'mcp_message'> {
  return async (request, context) => {
    const name = String(request.server_name ?? '');
    const message = (request.message ?? {}) as JSONRPCMessage;
    const server = servers.get(name);
    if (!server) {
      return {
        mcp_response: {
          jsonrpc: '2.0',
          id: message.id ?? null,
          error: {
            code: -32601,
            message: `No in-process MCP server named "${name}" in this session.`,
          },
        },
      };
    }
    let response: JSONRPCMessage | undefined;
    try {
      response = await server.handleMessage(message, {
        // Read lazily: the router creates the AbortSignal only for servers that look at it.
        get signal() {
          return context.signal;
        },
        sendNotification: (notification) => notify(name, notification),
      });
    } catch (error) {
      // The contract says handleMessage does not throw; keep the session alive if one does.
      response = {
        jsonrpc: '2.0',
        id: message.id ?? null,
        error: { code: -32603, message: error instanceof Error ? error.message : String(error) },
      };
    }
    return { mcp_response: response ?? { jsonrpc: '2.0', result: {}, id: 0 } };
  };
}
