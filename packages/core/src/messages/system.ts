import type { SDKMcpResourceLink } from '../control/mcpResource.js';
import type { PermissionMode } from '../permissions/types.js';
import { KNOWN_SYSTEM_EVENT_SUBTYPES, type SDKSystemEventMessage } from './events.js';
import type { OpenString } from './openString.js';
import type { FastModeDisabledReason } from './result.js';

// `system` messages (docs/protocol.md §4.3). All carry `session_id` and `uuid`.
interface SDKSystemBase {
  type: 'system';
  session_id: string;
  uuid: string;
}

export interface McpServerInfo {
  name: string;
  /** e.g. `connected`, `failed`, `needs-auth`, `pending`. */
  status: string;
  /** `"sdk"` for in-process servers; absent on CLI 2.1.197. */
  source?: string;
}

export interface PluginInfo {
  name: string;
  path: string;
  source?: string;
  version?: string;
}

/**
 * Where the API credential came from: `ANTHROPIC_API_KEY`, `apiKeyHelper`, `/login managed key`,
 * or `none` (an OAuth login, a bearer token, a cloud provider). The other members are legacy
 * values no current CLI sends.
 */
export type ApiKeySource = OpenString<
  | 'ANTHROPIC_API_KEY'
  | 'apiKeyHelper'
  | '/login managed key'
  | 'none'
  | 'user'
  | 'project'
  | 'org'
  | 'temporary'
  | 'oauth'
>;

export type FastModeState = OpenString<'off' | 'cooldown' | 'on'>;

/**
 * Sent at the start of **every turn**, after the turn's user message is dequeued, not at
 * startup (docs/protocol.md §5.4, §9.1). The `initialize` control response is the ready signal.
 */
export interface SDKSystemInitMessage extends SDKSystemBase {
  subtype: 'init';
  cwd: string;
  /** Every tool, including `mcp__…` tools and `StructuredOutput` when a schema is set. */
  tools: string[];
  mcp_servers: McpServerInfo[];
  /** Reflects `set_model` (g1). */
  model: string;
  /** Reflects `set_permission_mode`; CLI 2.1.197 echoes even invalid modes. */
  permissionMode: OpenString<PermissionMode>;
  slash_commands: string[];
  apiKeySource: ApiKeySource;
  claude_code_version: string;
  output_style: string;
  skills: string[];
  plugins: PluginInfo[];
  agents?: string[];
  terminal_slash_commands?: string[];
  capabilities?: string[];
  analytics_disabled?: boolean;
  product_feedback_disabled?: boolean;
  served_by_anthropic?: boolean;
  sandbox_enabled?: boolean | 'unknown';
  memory_paths?: { auto?: string; team?: string };
  original_cwd?: string;
  additional_directories?: string[];
  messaging_socket_path?: string;
  fast_mode_state?: FastModeState;
  fast_mode_disabled_reason?: FastModeDisabledReason;
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null;
  per_turn_effort_active?: boolean;
  ultrathink_available?: boolean;
  ultrathink_typed_raises?: boolean;
  view_mode?: OpenString<'default' | 'focus'>;
  betas?: string[];
}

/**
 * `{"status":"requesting"}` before each API request (with partial messages), or
 * `{"status":null,"permissionMode":…}` after a permission mode change.
 */
export interface SDKSystemStatusMessage extends SDKSystemBase {
  subtype: 'status';
  status: OpenString<'requesting' | 'compacting'> | null;
  permissionMode?: OpenString<PermissionMode>;
  compact_result?: 'success' | 'failed';
  compact_error?: string;
}

/** Only with `CLAUDE_CODE_SDK_READS_SESSION_STATE=1`; absent on CLI 2.1.197. */
export interface SDKSystemSessionStateChangedMessage extends SDKSystemBase {
  subtype: 'session_state_changed';
  /** `requires_action` only around `can_use_tool` (docs/protocol.md §5.5). */
  state: OpenString<'running' | 'requires_action' | 'idle'>;
  sdk_host_only?: boolean;
}

/** Sent before each retry sleep; 401 is retried too (docs/protocol.md §6). */
export interface SDKSystemApiRetryMessage extends SDKSystemBase {
  subtype: 'api_retry';
  attempt: number;
  max_retries: number;
  retry_delay_ms: number;
  error_status: number | null;
  error: OpenString<
    | 'rate_limit'
    | 'server_error'
    | 'authentication_failed'
    | 'overloaded'
    | 'cloud_credential_error'
    | 'unknown'
  >;
}

/** A tool needing approval was auto-denied because no prompt tool was configured (e3). */
export interface SDKSystemPermissionDeniedMessage extends SDKSystemBase {
  subtype: 'permission_denied';
  tool_name: string;
  tool_use_id: string;
  message: string;
  agent_id?: string;
  decision_reason_type?: string;
  decision_reason_code?: string;
  decision_reason?: string;
}

/** Interleaved with thinking deltas when partial messages are on (i1). */
export interface SDKSystemThinkingTokensMessage extends SDKSystemBase {
  subtype: 'thinking_tokens';
  estimated_tokens: number;
  estimated_tokens_delta: number;
}

export interface TaskUsage {
  total_tokens: number;
  tool_uses: number;
  duration_ms: number;
}

/** The Agent tool started a subagent (l1, l2). */
export interface SDKSystemTaskStartedMessage extends SDKSystemBase {
  subtype: 'task_started';
  task_id: string;
  run_id?: string;
  tool_use_id?: string;
  description: string;
  subagent_type?: string;
  is_backgrounded?: boolean;
  spawn_depth?: number;
  parent_task_id?: string;
  /** e.g. `"local_agent"`. */
  task_type?: string;
  prompt?: string;
}

export interface SDKSystemTaskProgressMessage extends SDKSystemBase {
  subtype: 'task_progress';
  task_id: string;
  run_id?: string;
  tool_use_id?: string;
  description: string;
  subagent_type?: string;
  usage: TaskUsage;
  last_tool_name?: string;
  summary?: string;
}

export interface SDKSystemTaskUpdatedMessage extends SDKSystemBase {
  subtype: 'task_updated';
  task_id: string;
  run_id?: string;
  /** Only the fields that changed. */
  patch: {
    status?: OpenString<'pending' | 'running' | 'completed' | 'failed' | 'killed' | 'paused'>;
    description?: string;
    end_time?: number;
    total_paused_ms?: number;
    error?: string;
    is_backgrounded?: boolean;
  };
}

/**
 * A task finished. For a background subagent this starts a new turn by itself, with its own
 * `init` and `result`, even after stdin EOF (docs/protocol.md §5.9).
 */
export interface SDKSystemTaskNotificationMessage extends SDKSystemBase {
  subtype: 'task_notification';
  task_id: string;
  run_id?: string;
  tool_use_id?: string;
  status: OpenString<'completed' | 'failed' | 'stopped'>;
  output_file: string;
  summary: string;
  usage?: TaskUsage;
  /** A finished background MCP task: the files its result returned by reference. */
  resource_links?: SDKMcpResourceLink[];
}

export interface BackgroundTaskInfo {
  task_id: string;
  run_id?: string;
  task_type: string;
  subagent_type?: string;
  description: string;
  tool_use_id?: string;
}

/** A background subagent started or finished (l2). */
export interface SDKSystemBackgroundTasksChangedMessage extends SDKSystemBase {
  subtype: 'background_tasks_changed';
  tasks: BackgroundTaskInfo[];
}

/** The conversation was compacted; earlier messages were summarized. */
export interface SDKSystemCompactBoundaryMessage extends SDKSystemBase {
  subtype: 'compact_boundary';
  compact_metadata: {
    trigger: OpenString<'manual' | 'auto'>;
    pre_tokens: number;
    post_tokens?: number;
    duration_ms?: number;
    user_context?: string;
    messages_summarized?: number;
  };
}

/** Shell/settings hooks (not SDK callback hooks, which emit nothing; docs/protocol.md §4.2, e2). */
export interface SDKSystemHookStartedMessage extends SDKSystemBase {
  subtype: 'hook_started';
  hook_id: string;
  hook_name: string;
  hook_event: string;
}

export interface SDKSystemHookProgressMessage extends SDKSystemBase {
  subtype: 'hook_progress';
  hook_id: string;
  hook_name: string;
  hook_event: string;
  stdout: string;
  stderr: string;
  output: string;
}

export interface SDKSystemHookResponseMessage extends SDKSystemBase {
  subtype: 'hook_response';
  hook_id: string;
  hook_name: string;
  hook_event: string;
  output: string;
  stdout: string;
  stderr: string;
  exit_code?: number;
  outcome: OpenString<'success' | 'error' | 'cancelled'>;
}

/**
 * The `system` subtypes this SDK names, so `switch (msg.subtype)` narrows exactly. The CLI has
 * many more (`notification`, `informational`, `turn_duration`, …). Those are delivered
 * unchanged at runtime, never dropped: detect them with `isSystemOtherMessage` and read them
 * as `SDKSystemOtherMessage`. A `default:` branch is therefore reachable.
 */
export type SDKSystemMessage =
  | SDKSystemInitMessage
  | SDKSystemStatusMessage
  | SDKSystemSessionStateChangedMessage
  | SDKSystemApiRetryMessage
  | SDKSystemPermissionDeniedMessage
  | SDKSystemThinkingTokensMessage
  | SDKSystemTaskStartedMessage
  | SDKSystemTaskProgressMessage
  | SDKSystemTaskUpdatedMessage
  | SDKSystemTaskNotificationMessage
  | SDKSystemBackgroundTasksChangedMessage
  | SDKSystemCompactBoundaryMessage
  | SDKSystemHookStartedMessage
  | SDKSystemHookProgressMessage
  | SDKSystemHookResponseMessage
  | SDKSystemEventMessage;

export type SDKSystemSubtype = SDKSystemMessage['subtype'];

/** Every subtype `SDKSystemMessage` names (a type test checks that none is missing). */
export const KNOWN_SYSTEM_SUBTYPES = [
  'init',
  'status',
  'session_state_changed',
  'api_retry',
  'permission_denied',
  'thinking_tokens',
  'task_started',
  'task_progress',
  'task_updated',
  'task_notification',
  'background_tasks_changed',
  'compact_boundary',
  'hook_started',
  'hook_progress',
  'hook_response',
  ...KNOWN_SYSTEM_EVENT_SUBTYPES,
] as const satisfies readonly SDKSystemSubtype[];

/** A `system` message whose subtype is not in `KNOWN_SYSTEM_SUBTYPES`, as sent. */
export interface SDKSystemOtherMessage {
  type: 'system';
  subtype: string;
  session_id: string;
  uuid: string;
  [key: string]: unknown;
}
