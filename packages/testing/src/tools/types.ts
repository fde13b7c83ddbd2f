import type { McpSdkServerConfig, SdkMcpServer } from '@agentsdk/core';

/** An in-process MCP server: the config `createSdkMcpServer()` returns, or its `instance`. */
export type ToolServer = SdkMcpServer | McpSdkServerConfig;

/** One content block of a tool result (`text`, `image`, `resource_link`, …). */
export interface ToolContentBlock {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** An MCP `tools/call` result. */
export interface ToolCallResult {
  content: ToolContentBlock[];
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One entry of an MCP `tools/list` result. */
export interface ToolInfo {
  name: string;
  description?: string;
  title?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  [key: string]: unknown;
}
