// Answers of the control requests the CLI serves (wire field names). Fields vary by CLI
// version, so each keeps an index signature: what a newer CLI adds still reaches the caller.

/** A slash command or skill the session can run. */
export interface SlashCommand {
  name: string;
  description: string;
  argumentHint?: string;
  aliases?: string[];
  builtin?: boolean;
  [key: string]: unknown;
}

/** A subagent the model can start. */
export interface AgentInfo {
  name: string;
  description: string;
  model?: string;
  [key: string]: unknown;
}

/** Who the CLI is logged in as and how it authenticates. */
export interface AccountInfo {
  email?: string;
  organization?: string;
  subscriptionType?: string;
  tokenSource?: string;
  apiKeySource?: string;
  apiProvider?: string;
  [key: string]: unknown;
}

export interface RewindFilesResult {
  canRewind: boolean;
  error?: string;
  filesChanged?: string[];
  insertions?: number;
  deletions?: number;
  [key: string]: unknown;
}

export interface McpSetServersResult {
  added: string[];
  removed: string[];
  /** Server name → why it could not be added. */
  errors: Record<string, string>;
  [key: string]: unknown;
}

export interface ReadFileResult {
  contents: string;
  absPath: string;
  truncated?: boolean;
  encoding?: 'base64';
  [key: string]: unknown;
}

export interface ReloadPluginsResult {
  commands: SlashCommand[];
  agents: AgentInfo[];
  plugins: Array<{ name: string; path: string; source?: string; version?: string }>;
  mcpServers: Array<{ name: string; status: string; [key: string]: unknown }>;
  error_count: number;
  [key: string]: unknown;
}

export interface ReloadSkillsResult {
  skills: SlashCommand[];
  [key: string]: unknown;
}

export interface ReloadOutputStylesResult {
  available_output_styles: string[];
  [key: string]: unknown;
}

export interface InterruptResult {
  /** Queued prompts that will still run. */
  still_queued?: string[];
  cancelled?: string[];
  [key: string]: unknown;
}

/** Per-server MCP permission override: `auto` approves the server's tools, `null` clears it. */
export type McpPermissionOverride = 'default' | 'auto' | null;

/** Where `updateSettings()` writes. */
export type SettingsTarget = 'localSettings' | 'userSettings';

/**
 * A settings file the CLI skipped because it does not parse or validate: its rules (including
 * permission allow/deny lists) are not applied. `getSettings()` and `listPermissionRules()` list
 * these.
 */
export interface SDKSettingsParseError {
  /** The settings file. */
  file?: string;
  /** Dot path of the bad field; `""` when the whole file failed. */
  path: string;
  message: string;
}
