/**
 * The small contract an in-process MCP server implements so core can route the CLI's
 * `mcp_message` control requests to it. Core has no MCP dependency; `@agentsdk/tools`
 * implements this on `@modelcontextprotocol/sdk`.
 */

/** A JSON-RPC 2.0 message as it travels inside `mcp_message` (request, notification or response). */
export interface JSONRPCMessage {
  jsonrpc: '2.0';
  id?: string | number | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface SdkMcpRequestContext {
  /** Aborted when the CLI cancels the request or the session closes. */
  signal: AbortSignal;
  /**
   * Send a server-to-client message to the CLI while the request runs: a notification (progress,
   * logging) or a request (`roots/list`, `elicitation/create`, `sampling/createMessage`). The
   * CLI's answer to a request arrives later as its own `mcp_message`, i.e. a JSON-RPC response
   * passed to `handleMessage`. Fire-and-forget: a closed session drops it.
   */
  sendNotification?(notification: JSONRPCMessage): void;
}

export interface SdkMcpServer {
  readonly name: string;
  readonly version?: string;
  /**
   * Handle one JSON-RPC message from the CLI. Requests resolve to their response;
   * notifications resolve to `undefined`. Must not throw for bad input: return a JSON-RPC error.
   */
  handleMessage(
    message: JSONRPCMessage,
    context: SdkMcpRequestContext,
  ): Promise<JSONRPCMessage | undefined>;
  /** Optional: release resources when the session ends. */
  close?(): Promise<void>;
}

/** `options.mcpServers` entry for an in-process server. */
export interface McpSdkServerConfig {
  type: 'sdk';
  name: string;
  instance: SdkMcpServer;
}
