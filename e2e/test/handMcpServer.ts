import type { JSONRPCMessage, McpSdkServerConfig, SdkMcpServer } from '@agentsdk/core';

export interface HandTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  call(args: Record<string, unknown>, signal: AbortSignal): Promise<string> | string;
}

/**
 * A minimal in-process MCP server written by hand against core's SdkMcpServer contract — it
 * proves the routing without @agentsdk/tools. It answers initialize, tools/list and tools/call.
 */
export function handMcpServer(
  name: string,
  tools: HandTool[],
): McpSdkServerConfig & { calls: string[] } {
  const calls: string[] = [];
  const instance: SdkMcpServer = {
    name,
    version: '1.0.0',
    async handleMessage(message: JSONRPCMessage, { signal }): Promise<JSONRPCMessage | undefined> {
      const reply = (result: unknown): JSONRPCMessage => ({
        jsonrpc: '2.0',
        id: message.id ?? null,
        result,
      });
      switch (message.method) {
        case 'initialize':
          return reply({
            protocolVersion:
              (message.params as { protocolVersion?: string } | undefined)?.protocolVersion ??
              '2025-06-18',
            capabilities: { tools: {} },
            serverInfo: { name, version: '1.0.0' },
          });
        case 'tools/list':
          return reply({
            tools: tools.map((t) => ({
              name: t.name,
              description: t.description,
              inputSchema: t.inputSchema,
            })),
          });
        case 'tools/call': {
          const params = message.params as { name: string; arguments?: Record<string, unknown> };
          const tool = tools.find((t) => t.name === params.name);
          calls.push(params.name);
          if (!tool)
            return reply({
              content: [{ type: 'text', text: `Unknown tool ${params.name}` }],
              isError: true,
            });
          try {
            return reply({
              content: [{ type: 'text', text: await tool.call(params.arguments ?? {}, signal) }],
            });
          } catch (error) {
            return reply({
              content: [{ type: 'text', text: `Error: ${(error as Error).message}` }],
              isError: true,
            });
          }
        }
        default:
          if (message.id === undefined) return undefined; // notification
          return {
            jsonrpc: '2.0',
            id: message.id,
            error: { code: -32601, message: `Method not found: ${message.method}` },
          };
      }
    },
  };
  return { type: 'sdk', name, instance, calls };
}
