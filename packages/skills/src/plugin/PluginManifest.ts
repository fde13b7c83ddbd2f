import type { McpHttpServerConfig, McpSSEServerConfig, McpStdioServerConfig } from '@agentsdk/core';

/** `author` of a plugin, `owner` of a marketplace. */
export interface PluginAuthor {
  name: string;
  email?: string;
  url?: string;
}

/** A hook entry in hooks.json, plugin.json or frontmatter `hooks`. */
export type PluginHook =
  | {
      type: 'command';
      command: string;
      args?: string[];
      timeout?: number;
      shell?: 'bash' | 'powershell';
      async?: boolean;
      once?: boolean;
      statusMessage?: string;
    }
  | { type: 'prompt'; prompt: string; model?: string; timeout?: number; statusMessage?: string }
  | { type: 'agent'; prompt: string; model?: string; timeout?: number; statusMessage?: string }
  | {
      type: 'http';
      url: string;
      headers?: Record<string, string>;
      allowedEnvVars?: string[];
      timeout?: number;
    }
  | {
      type: 'mcp_tool';
      server: string;
      tool: string;
      input?: Record<string, unknown>;
      timeout?: number;
    };

export interface PluginHookMatcher {
  /** Tool name or pattern (`Bash`, `Edit|Write`); omit to match everything. */
  matcher?: string;
  hooks: PluginHook[];
}

/** Event name → matchers, as in `hooks.json`'s `hooks` object. */
export type PluginHookEvents = Partial<Record<string, PluginHookMatcher[]>>;

/** `hooks/hooks.json`. */
export interface PluginHooksFile {
  description?: string;
  hooks: PluginHookEvents;
}

/** A server of `.mcp.json` (stdio, SSE or streamable HTTP; the shapes of core's `mcpServers`). */
export type PluginMcpServer = McpStdioServerConfig | McpSSEServerConfig | McpHttpServerConfig;

/** `.mcp.json`. */
export interface PluginMcpFile {
  mcpServers: Record<string, PluginMcpServer>;
}

/** A command written inline in plugin.json's `commands` object. */
export interface PluginInlineCommand {
  source?: string;
  content?: string;
  description?: string;
  argumentHint?: string;
  model?: string;
  allowedTools?: string[];
}

/**
 * `.claude-plugin/plugin.json`. Only `name` is required. Component paths start with `./` and are
 * relative to the plugin root; they add to the default folders (`commands/`, `agents/`, `skills/`,
 * `hooks/hooks.json`, `.mcp.json`).
 */
export interface PluginManifest {
  $schema?: string;
  name: string;
  displayName?: string;
  version?: string;
  description?: string;
  author?: PluginAuthor;
  homepage?: string;
  repository?: string;
  license?: string;
  keywords?: string[];
  commands?: string | string[] | Record<string, PluginInlineCommand>;
  /** Agent files: each path ends in `.md`. */
  agents?: string | string[];
  /** Skill folders, or folders of skill folders; `.` for a plugin that is itself one skill. */
  skills?: string | string[];
  /** A `./…json` hooks file, inline events, or a list of either. */
  hooks?: string | PluginHookEvents | Array<string | PluginHookEvents>;
  /** A `./…json` MCP file, inline servers, or a list of either. */
  mcpServers?:
    string | Record<string, PluginMcpServer> | Array<string | Record<string, PluginMcpServer>>;
  outputStyles?: string | string[];
  lspServers?: string | Record<string, unknown> | Array<string | Record<string, unknown>>;
}

/** Where a marketplace entry's plugin comes from (besides a `./` path in the marketplace repo). */
export type MarketplacePluginSource =
  | { source: 'github'; repo: string; ref?: string; sha?: string }
  | { source: 'url'; url: string; ref?: string; sha?: string }
  | { source: 'git-subdir'; url: string; path: string; ref?: string; sha?: string }
  | { source: 'npm'; package: string; version?: string; registry?: string };

/** An entry of `marketplace.json`'s `plugins`. */
export interface MarketplacePluginEntry extends Partial<Omit<PluginManifest, 'name'>> {
  name: string;
  /** `./plugins/my-plugin` (relative to the marketplace root) or a remote source. */
  source: string | MarketplacePluginSource;
  category?: string;
  tags?: string[];
  /** Default true: the plugin's own plugin.json is authoritative. */
  strict?: boolean;
}

/** `.claude-plugin/marketplace.json`. */
export interface MarketplaceManifest {
  name: string;
  owner: PluginAuthor;
  description?: string;
  metadata?: { description?: string; version?: string; pluginRoot?: string };
  plugins: MarketplacePluginEntry[];
}
