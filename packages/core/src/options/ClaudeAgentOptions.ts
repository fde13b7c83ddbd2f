import type { McpSdkServerConfig } from '../mcp/SdkMcpServer.js';
import type { OpenString } from '../messages/openString.js';
import type { Settings } from '../settings/types.js';
import type { CanUseTool, PermissionMode } from '../permissions/types.js';
import type { HooksConfig } from '../hooks/types.js';
import type { OnElicitation, OnUserDialog } from '../control/dialogs.js';
import type { TraceOption } from '../transport/traceTransport.js';
import type { SpawnedProcess, SpawnOptions } from '../transport/SpawnedProcess.js';
import type { SessionStore, SessionStoreFlush } from '../sessions/store/SessionStore.js';

/** Claude Code's own system prompt, optionally with text appended. */
export interface SystemPromptPreset {
  type: 'preset';
  preset: 'claude_code';
  append?: string;
  /**
   * Leave the per-user sections (working directory, memory path, git status) out of the system
   * prompt; the CLI sends them as the first user message instead, so one prompt prefix can be
   * cached across users.
   */
  excludeDynamicSections?: boolean;
  /**
   * Record the rendered prompt in the session on its first request and send the record on every
   * later request and resume (the CLI's default); `false` renders it afresh every request.
   */
  snapshot?: boolean;
}

/** Your own system prompt (a string, or parts as for an array `systemPrompt`), with `snapshot`. */
export interface SystemPromptCustom {
  type: 'custom';
  prompt: string | string[];
  /** As `SystemPromptPreset.snapshot`. */
  snapshot?: boolean;
}

/** `tools` preset: Claude Code's default tool set. */
export interface ToolsPreset {
  type: 'preset';
  preset: 'claude_code';
}

export interface McpStdioServerConfig {
  type?: 'stdio';
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

/**
 * Per-tool permission policy for a remote (`sse`/`http`) server's tools. `always_ask` asks
 * `canUseTool` before each call even where a rule allows it; `always_deny` refuses the calls.
 */
export interface McpServerToolPolicy {
  name: string;
  permission_policy?: 'always_allow' | 'always_ask' | 'always_deny';
  /** An org admin's ceiling for the tool; an `ask` ceiling prompts even in `auto` mode. */
  org_max_permission?: 'allow' | 'ask' | 'blocked';
}

export interface McpSSEServerConfig {
  type: 'sse';
  url: string;
  headers?: Record<string, string>;
  tools?: McpServerToolPolicy[];
}

export interface McpHttpServerConfig {
  type: 'http';
  url: string;
  headers?: Record<string, string>;
  tools?: McpServerToolPolicy[];
}

/**
 * A claude.ai connector the CLI reaches through its proxy. The CLI reports these in
 * `mcpServerStatus()`; they cannot be configured from the SDK.
 */
export interface McpClaudeAIProxyServerConfig {
  type: 'claudeai-proxy';
  url: string;
  id: string;
  /** Per-call timeout in ms (below 1000 is ignored). */
  timeout?: number;
}

export type McpServerConfig =
  McpStdioServerConfig | McpSSEServerConfig | McpHttpServerConfig | McpSdkServerConfig;

/** A subagent the model can start with the Agent tool. */
export interface AgentDefinition {
  description: string;
  prompt: string;
  tools?: string[];
  disallowedTools?: string[];
  model?: 'sonnet' | 'opus' | 'haiku' | 'inherit' | (string & {});
  /** MCP servers the subagent may use: names of configured servers, or inline configs. */
  mcpServers?: AgentMcpServerSpec[];
}

/**
 * One entry of `AgentDefinition.mcpServers`: the name of a server configured elsewhere, or
 * `{ name: config }` for a process server of its own (in-process servers belong in the
 * top-level `mcpServers`).
 */
export type AgentMcpServerSpec =
  string | Record<string, McpStdioServerConfig | McpSSEServerConfig | McpHttpServerConfig>;

export type SettingSource = 'user' | 'project' | 'local';

export interface SdkPluginConfig {
  type: 'local';
  path: string;
}

export interface SandboxNetworkConfig {
  allowUnixSockets?: string[];
  allowAllUnixSockets?: boolean;
  allowLocalBinding?: boolean;
  httpProxyPort?: number;
  socksProxyPort?: number;
}

export interface SandboxIgnoreViolations {
  file?: string[];
  network?: string[];
}

/** Which paths sandboxed commands may read and write (globs, as in settings files). */
export interface SandboxFilesystemConfig {
  allowWrite?: string[];
  denyWrite?: string[];
  denyRead?: string[];
  allowRead?: string[];
  allowManagedReadPathsOnly?: boolean;
  disabled?: boolean;
}

/** How one credential (a file or an environment variable) is shown to sandboxed commands. */
interface SandboxCredentialRule {
  /** `deny` hides it; `mask` shows a stand-in the sandbox proxy swaps back on the way out. */
  mode: 'deny' | 'mask';
  /** A pattern picking the secret out of the value. */
  extract?: string;
  onExtractNoMatch?: 'deny' | 'error' | 'warn';
  decode?: 'jwt';
  maskClaims?: string[];
  /** Hosts whose requests get the real value injected. */
  injectHosts?: string[];
}

/** Credentials sandboxed commands must not see in the clear. */
export interface SandboxCredentialsConfig {
  files?: Array<SandboxCredentialRule & { path: string; maskDuplicates?: boolean }>;
  envVars?: Array<SandboxCredentialRule & { name: string }>;
  allowPlaintextInject?: boolean;
  awsPairs?: Array<{
    accessKeyIdVar: string;
    secretAccessKeyVar: string;
    sessionTokenVar?: string;
  }>;
  sigv4?: {
    streaming?: 'deny' | 'passthrough';
    presigned?: 'deny' | 'passthrough';
    sigv4a?: 'deny' | 'passthrough';
  };
}

/** Bash sandboxing, passed to the CLI as the `sandbox` block of `--settings`. */
export interface SandboxSettings {
  enabled?: boolean;
  autoAllowBashIfSandboxed?: boolean;
  excludedCommands?: string[];
  allowUnsandboxedCommands?: boolean;
  network?: SandboxNetworkConfig;
  ignoreViolations?: SandboxIgnoreViolations;
  enableWeakerNestedSandbox?: boolean;
  filesystem?: SandboxFilesystemConfig;
  credentials?: SandboxCredentialsConfig;
}

/** The beta header the official SDK names for `betas` (ours takes any string: newer ones work too). */
export type SdkBeta = 'context-1m-2025-08-07';

export interface JsonSchemaOutputFormat {
  type: 'json_schema';
  schema: Record<string, unknown>;
}

export type ThinkingConfig =
  { type: 'adaptive' } | { type: 'enabled'; budgetTokens: number } | { type: 'disabled' };

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** `taskBudget`: the whole task's token budget. */
export interface TaskBudget {
  total: number;
}

/** Per-tool configuration of built-in tools (`toolConfig`). */
export interface ToolConfig {
  askUserQuestion?: {
    /** What the `preview` field of a question's options holds. CLI default: `'markdown'`. */
    previewFormat?: 'markdown' | 'html';
  };
}

/**
 * Every option of a session. camelCase here; the wire keeps the CLI's names.
 * Defaults are the CLI's unless a comment says otherwise.
 */
export interface ClaudeAgentOptions {
  // --- model and prompt
  model?: string;
  fallbackModel?: string;
  /**
   * A custom prompt: a string, or its parts as an array (put `SYSTEM_PROMPT_DYNAMIC_BOUNDARY`
   * between the parts shared by every session and the session's own; sent as given, as the
   * official SDK does). Omitted → an empty custom prompt (as the official SDKs). Use the preset
   * for Claude Code's own.
   */
  systemPrompt?: string | string[] | SystemPromptCustom | SystemPromptPreset;
  maxTurns?: number;
  maxBudgetUsd?: number;
  /** Legacy thinking budget; prefer `thinking`. */
  maxThinkingTokens?: number;
  thinking?: ThinkingConfig;
  effort?: Effort;
  betas?: OpenString<SdkBeta>[];
  /**
   * API-side task budget in tokens: the model is told how much it has left so it can pace its
   * work (`--task-budget`, sent as `output_config.task_budget`).
   */
  taskBudget?: TaskBudget;

  // --- environment
  /** Working directory of the CLI. Must exist. Default: `process.cwd()`. */
  cwd?: string;
  /** Merged over `process.env`; a key set to `undefined` removes it from the child's env. */
  env?: Record<string, string | undefined>;
  /** Unix user to run the CLI as (needs the privileges to do so). */
  user?: string;
  addDirs?: string[];
  /** Path to the CLI: a native binary or a `cli.js`. Default: discovered (see README). */
  cliPath?: string;
  /** The runtime that runs a JavaScript CLI (`cli.js`): `node` (default), `bun`, `deno` or a path. */
  executable?: string;
  /** Arguments for that runtime, before the CLI's path (e.g. `['--max-old-space-size=4096']`). */
  executableArgs?: string[];
  /**
   * Start the CLI yourself (in a VM, a container, over SSH): called instead of the local spawn
   * with the command, arguments, cwd and env the SDK would use. The session's end is the same as
   * with the default spawn: stdin EOF, then `kill('SIGTERM')`, then `kill('SIGKILL')`, and
   * `signal` aborts when the SDK stops the process. Config that would go to a temp file (MCP
   * config, settings) is passed inline, as the files would not exist where the CLI runs; `user`
   * does not apply.
   */
  spawnClaudeCodeProcess?: (options: SpawnOptions) => SpawnedProcess;
  /**
   * The trusted checkout `cwd` is a worktree of: project settings, `.mcp.json` and the `.claude`
   * folders (agents, skills, commands, …) are read from here instead of `cwd`
   * (`--project-config-root`). Absolute path.
   */
  projectConfigRoot?: string;

  // --- tools
  /** The base tool set: a list of names, `[]` for none, or the Claude Code preset. */
  tools?: string[] | ToolsPreset;
  allowedTools?: string[];
  disallowedTools?: string[];
  /** Other names the model may call a tool by: `{ alias: toolName }` (sent at initialize). */
  toolAliases?: Record<string, string>;
  mcpServers?: Record<string, McpServerConfig>;
  strictMcpConfig?: boolean;
  /**
   * How `mcpServers` that the CLI runs or connects to reach it: `'argv'` (default: a
   * `--mcp-config` file) or `'initialize'` (in the `initialize` request, with
   * `--await-initialize`; the answer's `mcp_servers_applied` says whether the CLI took them).
   */
  mcpServersDelivery?: 'argv' | 'initialize';
  /** Per-tool configuration of built-in tools (delivered as the CLI's environment variables). */
  toolConfig?: ToolConfig;
  /**
   * Skills the session may use: `'all'`, or the names to allow (a skill's `name`, or
   * `plugin:skill`). Adds `Skill` / `Skill(name)` to `allowedTools` and sends the list at
   * initialize, so unlisted skills are hidden from the model. A context filter, not a sandbox.
   * Omitted: the CLI's own defaults.
   */
  skills?: string[] | 'all';

  // --- permissions
  permissionMode?: PermissionMode;
  /** Needed together with `permissionMode: 'bypassPermissions'` or to switch to it later. */
  allowDangerouslySkipPermissions?: boolean;
  canUseTool?: CanUseTool;
  /** Use an MCP tool as the permission prompt (mutually exclusive with `canUseTool`). */
  permissionPromptToolName?: string;
  /** Extra instructions for the model while in plan mode (sent at initialize). */
  planModeInstructions?: string;
  /**
   * Answers an MCP server's elicitation (a form to fill in, a URL to open). Without it the CLI's
   * request is declined, so the server sees `decline` rather than waiting.
   */
  onElicitation?: OnElicitation;
  /** Renders a blocking dialog a tool asks for (`request_user_dialog`). Needs `supportedDialogKinds`. */
  onUserDialog?: OnUserDialog;
  /** The dialog kinds `onUserDialog` can render; the CLI sends no other kind. */
  supportedDialogKinds?: string[];
  /**
   * Who answers permission prompts: `'host'` (default: `canUseTool` or
   * `permissionPromptToolName`) or `'none'` (anything that would prompt is denied at once; modes,
   * rules and hooks still decide) (`--permission-prompts`).
   */
  permissionPrompts?: 'host' | 'none';
  /**
   * This host can stop background tasks one by one (`stopTask()`): an interrupt then stops only
   * the current turn and spares running background agents (sent at initialize).
   */
  perTaskStopAffordance?: boolean;

  // --- hooks
  hooks?: HooksConfig;

  // --- sessions
  continueConversation?: boolean;
  resume?: string;
  forkSession?: boolean;
  resumeSessionAt?: string;
  /**
   * With `resume` and `resumeSessionAt`: the uuid of the turn the fork drops; the CLI refuses a
   * fork point that would discard output the kept turn still needs (`--resume-drops-turn`).
   */
  resumeDropsTurn?: string;
  sessionId?: string;
  /** `false` → the CLI writes no session files (`--no-session-persistence`). */
  persistSession?: boolean;
  /** Back up files before edits so `rewindFiles()` can restore them. */
  enableFileCheckpointing?: boolean;
  /** A title for the session (shown by `listSessions()` and the CLI's resume picker). */
  title?: string;
  /**
   * Also keep every transcript line the CLI writes in this store (the CLI still writes its local
   * copy: `--session-mirror`), and restore `resume`'s session from it when the local transcript
   * is missing. Not with `persistSession: false`. See `InMemorySessionStore`, `FileSessionStore`.
   */
  sessionStore?: SessionStore;
  /** When mirrored lines reach `sessionStore`: `'batched'` (default, per turn) or `'eager'`. */
  sessionStoreFlush?: SessionStoreFlush;
  /** Bound on each `sessionStore` call while restoring a session for `resume`. Default 60 s. */
  loadTimeoutMs?: number;

  // --- output
  outputFormat?: JsonSchemaOutputFormat;
  includePartialMessages?: boolean;
  /** Also deliver subagents' assistant messages (with `parent_tool_use_id` set). CLI default: off. */
  forwardSubagentText?: boolean;
  /** Also deliver hook lifecycle messages (`hook_started`, `hook_progress`, `hook_response`) for every hook. */
  includeHookEvents?: boolean;
  /** Emit a `prompt_suggestion` message after each turn: what the user might ask next. */
  promptSuggestions?: boolean;
  /** Emit short progress summaries of running subagents (`task_progress` with `summary`). */
  agentProgressSummaries?: boolean;
  /**
   * Send each prompt as written: the CLI does not expand `@path` mentions, run slash commands or
   * attach its per-turn context to it (user messages carry `client_composed: true`).
   */
  verbatimPrompts?: boolean;

  // --- settings, agents, plugins
  /** Omitted or `[]` → no filesystem settings are loaded. List the sources to load. */
  settingSources?: SettingSource[];
  /** Extra settings: a path to a settings file or a settings object. */
  settings?: string | Record<string, unknown>;
  agents?: Record<string, AgentDefinition>;
  /**
   * Run the main conversation as this agent (its prompt, tools and model), defined in `agents` or
   * in settings (`--agent`).
   */
  agent?: string;
  plugins?: SdkPluginConfig[];
  /**
   * How `plugins` reach the CLI: `'argv'` (default: one `--plugin-dir` each) or `'initialize'`
   * (in the `initialize` request, with `--await-initialize`; the answer's `plugins_applied` says
   * whether all loaded).
   */
  pluginDelivery?: 'argv' | 'initialize';
  /**
   * Policy-tier settings from this host (`--managed-settings`): they bind like an administrator's
   * managed settings, above user, project and flag settings. For embedding apps that enforce
   * lock-down settings without writing root-owned files.
   */
  managedSettings?: Settings;
  sandbox?: SandboxSettings;

  // --- process
  /** Called with each stderr line of the CLI. stderr is always drained, whether set or not. */
  stderr?: (line: string) => void;
  /** The CLI's debug log (`--debug`); with `debugFile`, written there instead. */
  debug?: boolean;
  debugFile?: string;
  /** Extra CLI flags: `{ 'debug-to-stderr': null }` → `--debug-to-stderr`, values → `--flag=value`. */
  extraArgs?: Record<string, string | null>;
  /** Ends the session (and the CLI) when aborted. */
  abortSignal?: AbortSignal;
  /** Timeout of our control requests to the CLI (initialize, interrupt, …). Default 60 s. */
  controlTimeoutMs?: number;
  /** Grace after stdin EOF before SIGTERM, and after SIGTERM before SIGKILL. Default 5000 ms / 2000 ms. */
  shutdownGraceMs?: number;
  killGraceMs?: number;
  /** When the CLI and its stdout do not end together, how long to wait for the other. Default 1000 ms. */
  pipeGraceMs?: number;
  /** Throw `ResultError` from the iterator when a turn ends with `is_error: true`. Default false. */
  throwOnResultError?: boolean;
  /** Called for protocol warnings (noise lines, version below minimum). Default: `console.warn`. */
  onWarning?: (warning: SDKWarning) => void;
  /** Record every message of the session to a file (`agentsdk view --live <file>`) or a sink. Off by default. */
  trace?: TraceOption;
}

export interface SDKWarning {
  code:
    | 'NON_JSON_STDOUT'
    | 'CLI_VERSION'
    | 'UNHANDLED_CONTROL_REQUEST'
    | 'CALLBACK_ERROR'
    | 'CONFIG'
    /** A corrupt stdout line after the final result: ignored, the conversation had ended. */
    | 'STDOUT_AFTER_RESULT'
    /** The CLI did not exit after the final result and its input ended; the SDK stopped it. */
    | 'CLI_STOPPED'
    /** Transcript lines could not be copied to `sessionStore` (also a `mirror_error` message). */
    | 'SESSION_STORE';
  message: string;
}
