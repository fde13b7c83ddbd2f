import type { InboundHandler } from '../control/ControlRouter.js';
import type { McpServerConfig } from '../options/ClaudeAgentOptions.js';
import type { JSONRPCMessage, SdkMcpRequestContext, SdkMcpServer } from './SdkMcpServer.js';

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
  // One notification channel per server name, made once: handlers may call it detached.
  const channels = new Map<string, (notification: JSONRPCMessage) => void>();
  const channelOf = (name: string): ((notification: JSONRPCMessage) => void) => {
    let channel = channels.get(name);
    if (!channel) {
      channel = (notification) => notify(name, notification);
      channels.set(name, channel);
    }
    return channel;
  };
  return (request, context) => {
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
    let answer: Promise<JSONRPCMessage | undefined>;
    try {
      answer = server.handleMessage(message, new RequestContext(context, channelOf(name)));
    } catch (error) {
      return { mcp_response: internalError(message, error) };
    }
    return Promise.resolve(answer).then(
      wrapAnswer,
      // The contract says handleMessage does not throw; keep the session alive if one does.
      (error: unknown) => ({ mcp_response: internalError(message, error) }),
    );
  };
}

/** Made once: an arrow in the handler would be a new function on every request. */
function wrapAnswer(response: JSONRPCMessage | undefined): { mcp_response: JSONRPCMessage } {
  return { mcp_response: response ?? { jsonrpc: '2.0', result: {}, id: 0 } };
}

/**
 * The context `handleMessage` gets. The signal is read lazily, so the router creates the
 * AbortSignal only for servers that look at it (a class: an object literal's getter costs a
 * runtime call and an allocation per request).
 */
class RequestContext implements SdkMcpRequestContext {
  constructor(
    private readonly control: { readonly signal: AbortSignal },
    readonly sendNotification: (notification: JSONRPCMessage) => void,
  ) {}

  get signal(): AbortSignal {
    return this.control.signal;
  }
}

function internalError(message: JSONRPCMessage, error: unknown): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id: message.id ?? null,
    error: { code: -32603, message: error instanceof Error ? error.message : String(error) },
  };
}
