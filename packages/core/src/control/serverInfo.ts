/** The CLI's answer to `initialize` (wire names; fields vary by CLI version, so most are optional). */
export interface ServerInfo {
  commands: Array<{ name: string; description: string; argumentHint?: string; builtin?: boolean }>;
  agents?: Array<{ name: string; description: string }>;
  output_style?: string;
  available_output_styles?: string[];
  models?: ModelInfo[];
  account?: { tokenSource?: string; apiKeySource?: string; apiProvider?: string };
  pid?: number;
  claude_code_version?: string;
  current_permission_mode?: string;
  session_state?: string;
  capabilities?: string[];
  /** With `mcpServersDelivery: 'initialize'`: the CLI took the servers at launch (each may still fail). */
  mcp_servers_applied?: boolean;
  /** With `pluginDelivery: 'initialize'`: every listed plugin is loaded. */
  plugins_applied?: boolean;
  [key: string]: unknown;
}

export interface ModelInfo {
  value: string;
  resolvedModel?: string;
  displayName?: string;
  description?: string;
  supportsEffort?: boolean;
  supportedEffortLevels?: string[];
  [key: string]: unknown;
}

/** `mcp_status` → one entry per MCP server. */
export interface McpServerStatus {
  name: string;
  status: 'connected' | 'failed' | 'needs-auth' | 'pending' | (string & {});
  [key: string]: unknown;
}
