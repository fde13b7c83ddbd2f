// Typed hook inputs and outputs, mirroring the zod schemas of Claude Code 2.1.331 (wire names:
// snake_case inputs, camelCase `hookSpecificOutput`); `PreSkillShellCommand` is new in 2.1.332 and
// `Interrupt` is typed from the official SDK's declarations (0.3.336) — 2.1.332 does not send it. The CLI sends an input in a `hook_callback`
// control request and takes the callback's output object back as the response.
import type { PermissionMode, PermissionUpdate } from '../permissions/types.js';

/** Every hook event the CLI knows, in the CLI's own order. */
export const HOOK_EVENTS = [
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'Notification',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'SessionStart',
  'SessionEnd',
  'Stop',
  'StopFailure',
  'Interrupt',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PostCompact',
  'PreModelSwitch',
  'PostModelSwitch',
  'PermissionRequest',
  'PermissionDenied',
  'Setup',
  'TeammateIdle',
  'TaskCreated',
  'TaskCompleted',
  'Elicitation',
  'ElicitationResult',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'InstructionsLoaded',
  'CwdChanged',
  'FileChanged',
  'DirectoryAdded',
  'MessageDisplay',
  'PreSkillShellCommand',
] as const;

export type HookEvent = (typeof HOOK_EVENTS)[number];

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/**
 * Fields every hook input carries. Fields the CLI adds later still arrive at runtime; the types
 * name only what this CLI version's schemas name.
 */
export interface BaseHookInput {
  hook_event_name: HookEvent;
  session_id: string;
  /** Path of the session's transcript (`.jsonl`). */
  transcript_path: string;
  cwd: string;
  /** Ties a user prompt to every event after it, until the next prompt. Absent before the first prompt. */
  prompt_id?: string;
  permission_mode?: PermissionMode;
  /** Set only when the hook fires inside a subagent; absent on the main thread. */
  agent_id?: string;
  /** The agent type: inside a subagent, or on the main thread of an `--agent` session. */
  agent_type?: string;
  /** Effort of the current turn, for hooks inside a tool-use context on a model with effort. */
  effort?: { level: string };
}

/**
 * The MCP server behind an `mcp__*` tool. `source` is an open set (`sdk`, `plugin`, `user`,
 * `project`, `local`, `dynamic`, `managed`, …): key trust on it, never on the name; treat an
 * unknown value as a configured server, never as `sdk`.
 */
export interface McpServerProvenance {
  name: string;
  source: string;
}

/** The earlier name of {@link McpServerProvenance}. */
export type HookMcpServer = McpServerProvenance;

/** Fired before a tool runs (matcher: tool name). Output can allow, deny, ask or defer, rewrite the input, and add context. */
export interface PreToolUseHookInput extends BaseHookInput {
  hook_event_name: 'PreToolUse';
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id: string;
  mcp_server?: McpServerProvenance;
}

/** Fired after a tool succeeds (matcher: tool name). Output can add context, block, or replace the tool output. */
export interface PostToolUseHookInput extends BaseHookInput {
  hook_event_name: 'PostToolUse';
  tool_name: string;
  tool_input: Record<string, unknown>;
  /** The tool's structured result (e.g. Bash `{stdout, stderr, …}`, an MCP tool's content array). */
  tool_response: unknown;
  tool_use_id: string;
  /** Tool run time, without permission prompts and hooks. */
  duration_ms?: number;
  mcp_server?: McpServerProvenance;
}

/** Fired after a tool fails (matcher: tool name). Output can add context. */
export interface PostToolUseFailureHookInput extends BaseHookInput {
  hook_event_name: 'PostToolUseFailure';
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id: string;
  error: string;
  is_interrupt?: boolean;
  duration_ms?: number;
  mcp_server?: McpServerProvenance;
}

/** One call of a {@link PostToolBatchHookInput} batch. */
export interface HookToolCall {
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id: string;
  tool_response?: unknown;
}

/**
 * Fired once after every tool call of a batch has resolved, before the next model request.
 * Output can add context once for the whole batch, or block (stops the agentic loop).
 */
export interface PostToolBatchHookInput extends BaseHookInput {
  hook_event_name: 'PostToolBatch';
  tool_calls: HookToolCall[];
}

/** Fired when the CLI sends a notification (matcher: notification type). Output can add context. */
export interface NotificationHookInput extends BaseHookInput {
  hook_event_name: 'Notification';
  message: string;
  title?: string;
  notification_type: string;
}

/** Fired when a prompt is submitted. Output can add context, set the session title, or block the prompt. */
export interface UserPromptSubmitHookInput extends BaseHookInput {
  hook_event_name: 'UserPromptSubmit';
  prompt: string;
  /** Who wrote the prompt; `sdk` for `-p` and the Agent SDK. May be absent. */
  source?: 'user' | 'sdk' | 'system' | 'loop_wakeup' | 'schedule_wakeup' | 'poll_event';
  session_title?: string;
}

/** Fired when a slash command or MCP prompt expands into a prompt. Output can add context or block the expansion. */
export interface UserPromptExpansionHookInput extends BaseHookInput {
  hook_event_name: 'UserPromptExpansion';
  expansion_type: 'slash_command' | 'mcp_prompt';
  command_name: string;
  command_args: string;
  command_source?: string;
  prompt: string;
}

/**
 * Fired when a session starts, resumes, clears, compacts or forks (matcher: source). Output can
 * add context, send a first user message, set the title, watch paths, or reload skills.
 */
export interface SessionStartHookInput extends BaseHookInput {
  hook_event_name: 'SessionStart';
  source: 'startup' | 'resume' | 'clear' | 'compact' | 'fork';
  model?: string;
  session_title?: string;
  /** resume/fork: seconds since the resumed transcript's last assistant response. */
  seconds_since_last_response?: number;
  /** resume/fork: tokens of the resumed transcript's last request window. */
  context_tokens?: number;
  /** resume/fork: the prompt cache has probably expired. */
  prompt_cache_likely_expired?: boolean;
  /** resume/fork: estimated cost in USD of re-caching `context_tokens`. */
  estimated_cache_write_usd?: number;
}

/** Fired when a session ends (matcher: reason). Observe only. */
export interface SessionEndHookInput extends BaseHookInput {
  hook_event_name: 'SessionEnd';
  reason: 'clear' | 'resume' | 'logout' | 'prompt_input_exit' | 'other';
}

/** In-flight background work, as {@link StopHookInput} lists it. */
export interface BackgroundTaskSummary {
  id: string;
  /** e.g. `shell`, `subagent`, `monitor`, `workflow`. */
  type: string;
  status: string;
  description: string;
  /** `shell` tasks only. */
  command?: string;
  /** `subagent` tasks only. */
  agent_type?: string;
  /** MCP tasks only. */
  server?: string;
  /** MCP tasks only. */
  tool?: string;
  /** `workflow` tasks only. */
  name?: string;
}

/** A session-scoped cron task that will wake the session later. */
export interface SessionCronSummary {
  id: string;
  schedule: string;
  recurring: boolean;
  prompt: string;
}

/** The earlier name of {@link BackgroundTaskSummary}. */
export type HookBackgroundTask = BackgroundTaskSummary;

/** The earlier name of {@link SessionCronSummary}. */
export type HookSessionCron = SessionCronSummary;

/**
 * Fired right before the agent ends its turn. Output `decision: 'block'` with a `reason` (or
 * `hookSpecificOutput.additionalContext`) makes the model go on instead.
 */
export interface StopHookInput extends BaseHookInput {
  hook_event_name: 'Stop';
  /** True when the agent is already going on because of a Stop hook (guard against loops). */
  stop_hook_active: boolean;
  last_assistant_message?: string;
  background_tasks?: BackgroundTaskSummary[];
  session_crons?: SessionCronSummary[];
}

/** Why a turn ended on an API error ({@link StopFailureHookInput}). */
export type StopFailureError =
  | 'authentication_failed'
  | 'oauth_org_not_allowed'
  | 'account_on_hold'
  | 'verification_required'
  | 'billing_error'
  | 'rate_limit'
  | 'overloaded'
  | 'invalid_request'
  | 'model_not_found'
  | 'server_error'
  | 'unknown'
  | 'max_output_tokens'
  | 'cloud_credential_error';

/** Fired when the turn ends on an API error (matcher: error). Observe only. */
export interface StopFailureHookInput extends BaseHookInput {
  hook_event_name: 'StopFailure';
  error: StopFailureError;
  error_details?: string;
  last_assistant_message?: string;
}

/** Fired when a subagent starts (matcher: agent type). Output can add context for the subagent. */
export interface SubagentStartHookInput extends BaseHookInput {
  hook_event_name: 'SubagentStart';
  agent_id: string;
  agent_type: string;
}

/** Fired right before a subagent ends. Output `decision: 'block'` or additionalContext keeps it running. */
export interface SubagentStopHookInput extends BaseHookInput {
  hook_event_name: 'SubagentStop';
  stop_hook_active: boolean;
  agent_id: string;
  agent_transcript_path: string;
  agent_type: string;
  last_assistant_message?: string;
  background_tasks?: BackgroundTaskSummary[];
  session_crons?: SessionCronSummary[];
}

/** Fired before compaction (matcher: trigger). Output can block the compaction. */
export interface PreCompactHookInput extends BaseHookInput {
  hook_event_name: 'PreCompact';
  trigger: 'manual' | 'auto';
  custom_instructions: string | null;
}

/** Fired after compaction (matcher: trigger). Observe only. */
export interface PostCompactHookInput extends BaseHookInput {
  hook_event_name: 'PostCompact';
  trigger: 'manual' | 'auto';
  compact_summary: string;
}

/** Fields shared by {@link PreModelSwitchHookInput} and {@link PostModelSwitchHookInput}. */
export interface ModelSwitchHookFields {
  from_model: string;
  to_model: string;
  /** What was asked for: an alias, a full id, or null for the default. */
  requested_model: string | null;
  /** Prompt tokens the next request re-sends. */
  context_tokens: number;
  prompt_cache_warm: boolean;
  cache_ttl: '5m' | '1h';
  estimated_cache_write_usd: number;
  pricing: 'configured' | 'catalog' | 'default';
}

/** Fired before a requested model switch. Output permissionDecision allow/deny/ask decides it, as for PreToolUse. */
export interface PreModelSwitchHookInput extends BaseHookInput, ModelSwitchHookFields {
  hook_event_name: 'PreModelSwitch';
  source: 'command' | 'picker' | 'sdk';
}

/** Fired after the session model changed, for any cause. Output can add context for the new model. */
export interface PostModelSwitchHookInput extends BaseHookInput, ModelSwitchHookFields {
  hook_event_name: 'PostModelSwitch';
  source: 'command' | 'picker' | 'sdk' | 'auto' | 'resume';
}

/**
 * Fired when a permission dialog would be shown (matcher: tool name). Output
 * `hookSpecificOutput.decision` allows (optionally with new input and rules) or denies.
 * Note: no `tool_use_id` in this input.
 */
export interface PermissionRequestHookInput extends BaseHookInput {
  hook_event_name: 'PermissionRequest';
  tool_name: string;
  tool_input: Record<string, unknown>;
  permission_suggestions?: PermissionUpdate[];
  mcp_server?: McpServerProvenance;
}

/** Fired after auto mode denied a tool call (matcher: tool name). Output `retry: true` lets the model try again. */
export interface PermissionDeniedHookInput extends BaseHookInput {
  hook_event_name: 'PermissionDenied';
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id: string;
  reason: string;
  mcp_server?: McpServerProvenance;
}

/** Fired for repo setup (`--init`, `--maintenance`; matcher: trigger). Output can add context. */
export interface SetupHookInput extends BaseHookInput {
  hook_event_name: 'Setup';
  trigger: 'init' | 'maintenance';
}

/** Fired when a teammate is about to go idle. Output `decision: 'block'` keeps it working. */
export interface TeammateIdleHookInput extends BaseHookInput {
  hook_event_name: 'TeammateIdle';
  teammate_name: string;
  /** @deprecated Sessions have one implicit team; to be removed by the CLI. */
  team_name: string;
}

/** Fired when a task is being created. Output `decision: 'block'` prevents it. */
export interface TaskCreatedHookInput extends BaseHookInput {
  hook_event_name: 'TaskCreated';
  task_id: string;
  task_subject: string;
  task_description?: string;
  teammate_name?: string;
  /** @deprecated Sessions have one implicit team; to be removed by the CLI. */
  team_name?: string;
}

/** Fired when a task is being marked completed. Output `decision: 'block'` prevents it. */
export interface TaskCompletedHookInput extends BaseHookInput {
  hook_event_name: 'TaskCompleted';
  task_id: string;
  task_subject: string;
  task_description?: string;
  teammate_name?: string;
  /** @deprecated Sessions have one implicit team; to be removed by the CLI. */
  team_name?: string;
}

/** Fired when an MCP server asks the user for input. Output can accept, decline or cancel it instead of the dialog. */
export interface ElicitationHookInput extends BaseHookInput {
  hook_event_name: 'Elicitation';
  mcp_server_name: string;
  message: string;
  mode?: 'form' | 'url';
  url?: string;
  elicitation_id?: string;
  requested_schema?: Record<string, unknown>;
}

/** Fired after the user answered an MCP elicitation. Output can override the action or content. */
export interface ElicitationResultHookInput extends BaseHookInput {
  hook_event_name: 'ElicitationResult';
  mcp_server_name: string;
  elicitation_id?: string;
  mode?: 'form' | 'url';
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

/** Fired when a settings file changes during the session (matcher: source). Output `decision: 'block'` keeps the change out. */
export interface ConfigChangeHookInput extends BaseHookInput {
  hook_event_name: 'ConfigChange';
  source: 'user_settings' | 'project_settings' | 'local_settings' | 'policy_settings' | 'skills';
  file_path?: string;
}

/** Fired to create a worktree. Output `worktreePath` (required) is the absolute path of the worktree made. */
export interface WorktreeCreateHookInput extends BaseHookInput {
  hook_event_name: 'WorktreeCreate';
  /** The suggested worktree slug. */
  name: string;
}

/** Fired to remove a worktree the WorktreeCreate hook made. Observe only. */
export interface WorktreeRemoveHookInput extends BaseHookInput {
  hook_event_name: 'WorktreeRemove';
  worktree_path: string;
}

/** Fired when a CLAUDE.md or rule file is loaded. Observe only. */
export interface InstructionsLoadedHookInput extends BaseHookInput {
  hook_event_name: 'InstructionsLoaded';
  file_path: string;
  memory_type: 'User' | 'Project' | 'Local' | 'Managed';
  load_reason: 'session_start' | 'nested_traversal' | 'path_glob_match' | 'include' | 'compact';
  globs?: string[];
  trigger_file_path?: string;
  parent_file_path?: string;
}

/** Fired after the working directory changed. Output can set the paths watched for FileChanged. */
export interface CwdChangedHookInput extends BaseHookInput {
  hook_event_name: 'CwdChanged';
  old_cwd: string;
  new_cwd: string;
}

/** Fired when a watched file changes. Output can set the paths watched. */
export interface FileChangedHookInput extends BaseHookInput {
  hook_event_name: 'FileChanged';
  file_path: string;
  event: 'change' | 'add' | 'unlink';
}

/** Fired after a directory was added mid-session (matcher: source). Observe only. */
export interface DirectoryAddedHookInput extends BaseHookInput {
  hook_event_name: 'DirectoryAdded';
  /** Absolute path. */
  directory: string;
  /** `slash_command` for `/add-dir`, `register_repo_root` for the SDK control request. */
  source: 'slash_command' | 'register_repo_root';
}

/**
 * Fired with each batch of newly completed lines while an assistant message streams. Output
 * `displayContent` replaces the delta on screen only; the stored message is untouched.
 */
export interface MessageDisplayHookInput extends BaseHookInput {
  hook_event_name: 'MessageDisplay';
  turn_id: string;
  /** Stable across the flushes of one message; not the API `msg_…` id. */
  message_id: string;
  /** Zero-based index of this delta within the message. */
  index: number;
  /** True on the message's last flush. */
  final: boolean;
  /** The newly completed lines since the prior flush. */
  delta: string;
}

/**
 * Fired once when an interrupt ends the main conversation's turn (not when the work goes on by
 * itself or Claude Code is exiting). Its output is ignored. Typed from the official SDK 0.3.336;
 * CLI 2.1.331 and 2.1.332 do not send it yet.
 */
export interface InterruptHookInput extends BaseHookInput {
  hook_event_name: 'Interrupt';
  /** `user`: a person or a client such as an SDK's `interrupt()`; `session`: another session; `system`: a hook, plugin or permission check. */
  source: 'user' | 'session' | 'system';
  /** `stop`: Esc, Ctrl+C or an interrupt request; also a denied permission, a rewind, or anything else. */
  reason: 'stop' | 'permission_denied' | 'rewind' | 'other';
  /** How the stop arrived, where known: at the terminal or as a client request. */
  via?: 'terminal' | 'client';
}

/**
 * Fired before a shell command written in a skill or slash command (`!` lines) runs (CLI 2.1.332).
 * Output `permissionDecision: 'deny'` (or `ask`, `defer`) keeps it from running.
 */
export interface PreSkillShellCommandHookInput extends BaseHookInput {
  hook_event_name: 'PreSkillShellCommand';
  /** The shell tool that would run it: `Bash` or `PowerShell`. */
  tool_name: string;
  /** The command as it would run, arguments filled in. */
  tool_input: { command: string };
  /** Identifies this command; it names no tool call in the transcript. */
  tool_use_id: string;
  /** The skill or command whose text holds the shell command. */
  command_name: string;
  command_source?: string;
  /** `user`: typed or sent by an SDK host; `claude`: the Skill tool or a turn Claude scheduled; `other`: anything else. */
  invoked_by: 'user' | 'claude' | 'other';
}

/** Any hook input, discriminated on `hook_event_name`. */
export type HookInput =
  | PreToolUseHookInput
  | PostToolUseHookInput
  | PostToolUseFailureHookInput
  | PostToolBatchHookInput
  | NotificationHookInput
  | UserPromptSubmitHookInput
  | UserPromptExpansionHookInput
  | SessionStartHookInput
  | SessionEndHookInput
  | StopHookInput
  | StopFailureHookInput
  | InterruptHookInput
  | SubagentStartHookInput
  | SubagentStopHookInput
  | PreCompactHookInput
  | PostCompactHookInput
  | PreModelSwitchHookInput
  | PostModelSwitchHookInput
  | PermissionRequestHookInput
  | PermissionDeniedHookInput
  | SetupHookInput
  | TeammateIdleHookInput
  | TaskCreatedHookInput
  | TaskCompletedHookInput
  | ElicitationHookInput
  | ElicitationResultHookInput
  | ConfigChangeHookInput
  | WorktreeCreateHookInput
  | WorktreeRemoveHookInput
  | InstructionsLoadedHookInput
  | CwdChangedHookInput
  | FileChangedHookInput
  | DirectoryAddedHookInput
  | MessageDisplayHookInput
  | PreSkillShellCommandHookInput;

export type HookInputFor<E extends HookEvent> = Extract<HookInput, { hook_event_name: E }>;

// ---------------------------------------------------------------------------------------------
// Outputs (hookSpecificOutput)
// ---------------------------------------------------------------------------------------------

/**
 * `allow` skips the permission prompt, `deny` refuses the call (the reason goes to the model),
 * `ask` shows the prompt, `defer` leaves the decision to the normal permission flow.
 */
export type PreToolUsePermissionDecision = 'allow' | 'deny' | 'ask' | 'defer';

export interface PreToolUseHookSpecificOutput {
  hookEventName: 'PreToolUse';
  permissionDecision?: PreToolUsePermissionDecision;
  permissionDecisionReason?: string;
  /** Replaces the tool input. */
  updatedInput?: Record<string, unknown>;
  additionalContext?: string;
}

export interface PostToolUseHookSpecificOutput {
  hookEventName: 'PostToolUse';
  additionalContext?: string;
  /** Context shown to the auto-mode permission classifier beside this call's result. Sync answers only. */
  classifierContext?: string;
  /** Replaces the tool output before the model sees it (any tool). */
  updatedToolOutput?: unknown;
  /** Replaces the output of MCP tools only; prefer `updatedToolOutput`. */
  updatedMCPToolOutput?: unknown;
}

export interface PostToolUseFailureHookSpecificOutput {
  hookEventName: 'PostToolUseFailure';
  additionalContext?: string;
}

export interface PostToolBatchHookSpecificOutput {
  hookEventName: 'PostToolBatch';
  additionalContext?: string;
}

export interface NotificationHookSpecificOutput {
  hookEventName: 'Notification';
  additionalContext?: string;
}

export interface UserPromptSubmitHookSpecificOutput {
  hookEventName: 'UserPromptSubmit';
  additionalContext?: string;
  sessionTitle?: string;
  /** With `decision: 'block'`, leave the original prompt out of the block message. */
  suppressOriginalPrompt?: boolean;
}

export interface UserPromptExpansionHookSpecificOutput {
  hookEventName: 'UserPromptExpansion';
  additionalContext?: string;
  /** With `decision: 'block'`, leave the original prompt out of the block message. */
  suppressOriginalPrompt?: boolean;
}

export interface SessionStartHookSpecificOutput {
  hookEventName: 'SessionStart';
  additionalContext?: string;
  initialUserMessage?: string;
  sessionTitle?: string;
  /** Absolute paths to watch for FileChanged hooks. */
  watchPaths?: string[];
  /** Re-scan skill and command directories after the SessionStart hooks. */
  reloadSkills?: boolean;
}

export interface SetupHookSpecificOutput {
  hookEventName: 'Setup';
  additionalContext?: string;
}

export interface StopHookSpecificOutput {
  hookEventName: 'Stop';
  /** Non-error feedback for the model; the conversation goes on so it can act on it. */
  additionalContext?: string;
}

export interface SubagentStartHookSpecificOutput {
  hookEventName: 'SubagentStart';
  additionalContext?: string;
}

export interface SubagentStopHookSpecificOutput {
  hookEventName: 'SubagentStop';
  /** Non-error feedback for the subagent; it goes on so it can act on it. */
  additionalContext?: string;
}

export interface PreModelSwitchHookSpecificOutput {
  hookEventName: 'PreModelSwitch';
  /** allow proceeds, deny cancels the switch, ask asks the user (a headless session refuses). */
  permissionDecision?: 'allow' | 'deny' | 'ask';
  permissionDecisionReason?: string;
}

export interface PostModelSwitchHookSpecificOutput {
  hookEventName: 'PostModelSwitch';
  /** Reaches the model with the next request the new model serves. */
  additionalContext?: string;
}

/** The answer of a PermissionRequest hook, like a `canUseTool` result. */
export type PermissionRequestDecision =
  | {
      behavior: 'allow';
      updatedInput?: Record<string, unknown>;
      updatedPermissions?: PermissionUpdate[];
    }
  | { behavior: 'deny'; message?: string; interrupt?: boolean };

export interface PermissionRequestHookSpecificOutput {
  hookEventName: 'PermissionRequest';
  decision: PermissionRequestDecision;
}

export interface PermissionDeniedHookSpecificOutput {
  hookEventName: 'PermissionDenied';
  /** Tell the model it may make the call again (auto mode checks it again). */
  retry?: boolean;
}

export interface ElicitationHookSpecificOutput {
  hookEventName: 'Elicitation';
  action?: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

export interface ElicitationResultHookSpecificOutput {
  hookEventName: 'ElicitationResult';
  action?: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

export interface WorktreeCreateHookSpecificOutput {
  hookEventName: 'WorktreeCreate';
  /** Absolute path of the created worktree. */
  worktreePath: string;
}

export interface CwdChangedHookSpecificOutput {
  hookEventName: 'CwdChanged';
  /** Absolute paths to watch for FileChanged hooks. */
  watchPaths?: string[];
}

export interface FileChangedHookSpecificOutput {
  hookEventName: 'FileChanged';
  /** Absolute paths to watch for FileChanged hooks. */
  watchPaths?: string[];
}

export interface MessageDisplayHookSpecificOutput {
  hookEventName: 'MessageDisplay';
  /** Text shown in place of the delta; omit to show the original. */
  displayContent?: string;
}

export interface PreSkillShellCommandHookSpecificOutput {
  hookEventName: 'PreSkillShellCommand';
  /** `allow` adds nothing (the command runs unless a hook refuses it); `deny`, `ask` and `defer` all keep it from running. */
  permissionDecision?: PreToolUsePermissionDecision;
  permissionDecisionReason?: string;
  /** Never applied: any value keeps the command from running. */
  updatedInput?: Record<string, unknown>;
}

/**
 * Event-specific output, discriminated on `hookEventName`. SessionEnd, StopFailure, Interrupt, PreCompact,
 * PostCompact, TeammateIdle, TaskCreated, TaskCompleted, ConfigChange, WorktreeRemove,
 * InstructionsLoaded and DirectoryAdded have none.
 */
export type HookSpecificOutput =
  | PreToolUseHookSpecificOutput
  | PostToolUseHookSpecificOutput
  | PostToolUseFailureHookSpecificOutput
  | PostToolBatchHookSpecificOutput
  | NotificationHookSpecificOutput
  | UserPromptSubmitHookSpecificOutput
  | UserPromptExpansionHookSpecificOutput
  | SessionStartHookSpecificOutput
  | SetupHookSpecificOutput
  | StopHookSpecificOutput
  | SubagentStartHookSpecificOutput
  | SubagentStopHookSpecificOutput
  | PreModelSwitchHookSpecificOutput
  | PostModelSwitchHookSpecificOutput
  | PermissionRequestHookSpecificOutput
  | PermissionDeniedHookSpecificOutput
  | ElicitationHookSpecificOutput
  | ElicitationResultHookSpecificOutput
  | WorktreeCreateHookSpecificOutput
  | CwdChangedHookSpecificOutput
  | FileChangedHookSpecificOutput
  | MessageDisplayHookSpecificOutput
  | PreSkillShellCommandHookSpecificOutput;

/** The event-specific output of `E`; `never` for events that have none. */
export type HookSpecificOutputFor<E extends HookEvent> = Extract<
  HookSpecificOutput,
  { hookEventName: E }
>;

/**
 * A hook's synchronous answer (wire names). `{}` means no opinion. `S` narrows the
 * `hookSpecificOutput` it takes: see {@link HookOutputFor}. `HookOutput<never>` (top-level
 * fields only) fits every event.
 */
export interface HookOutput<S extends HookSpecificOutput = HookSpecificOutput> {
  /**
   * `false` asks Claude to stop after the hook, with `stopReason` shown to the user. (Observed
   * in e3: it did not stop a PreToolUse call; deny the call instead.)
   */
  continue?: boolean;
  /** Hide the hook's output from the transcript. */
  suppressOutput?: boolean;
  /** Shown when `continue` is false. */
  stopReason?: string;
  /**
   * `block` blocks what the event guards (a tool call, a prompt, a stop, a compaction, a task…)
   * with `reason` as feedback. `approve` is the legacy form of PreToolUse
   * `permissionDecision: 'allow'`; prefer that.
   */
  decision?: 'approve' | 'block';
  /** Warning shown to the user. */
  systemMessage?: string;
  /** Why: feedback for the model with `decision: 'block'`. */
  reason?: string;
  /** A terminal notification/title escape sequence (OSC 0/1/2/9/99/777 or BEL) for the CLI to emit. */
  terminalSequence?: string;
  hookSpecificOutput?: S;
}

/**
 * The answer of a hook for `E`: its `hookSpecificOutput`, if any, is the one for `E` (the CLI
 * ignores one that names another event, or fails on it with `onFailure: 'block'`).
 */
export type HookOutputFor<E extends HookEvent> = HookOutput<HookSpecificOutputFor<E>>;

/**
 * "Go on without me": the CLI accepts this answer to a `hook_callback` and proceeds as if the
 * hook had no opinion. No later answer is read for a callback hook. `asyncTimeout` is in ms.
 */
export interface AsyncHookOutput {
  async: true;
  asyncTimeout?: number;
}

// ---------------------------------------------------------------------------------------------
// Callbacks
// ---------------------------------------------------------------------------------------------

export interface HookCallbackContext {
  /** Aborted when the CLI cancels the request or the session closes. */
  signal: AbortSignal;
}

/**
 * A hook function. `toolUseId` is the request's `tool_use_id`: the tool call's id for tool
 * events, a random UUID for others (e.g. UserPromptSubmit), or undefined. Returning nothing
 * means no opinion (`{}`). A callback for several events takes `HookInput` and returns `{}`,
 * `void`, or top-level fields only.
 */
export type HookCallback<E extends HookEvent = HookEvent> = (
  input: HookInputFor<E>,
  toolUseId: string | undefined,
  context: HookCallbackContext,
) => Promise<HookOutputFor<E> | AsyncHookOutput | void> | HookOutputFor<E> | AsyncHookOutput | void;

export interface HookCallbackMatcher<E extends HookEvent = HookEvent> {
  /**
   * Filter applied by the CLI: a tool name pattern for tool events (e.g. `Bash`, `Edit|Write`,
   * `mcp__calc__.*`), else the event's source/trigger/reason/type. Absent: every occurrence.
   */
  matcher?: string;
  hooks: HookCallback<E>[];
  /** Seconds. */
  timeout?: number;
  /**
   * What the CLI does when a callback of this matcher fails: go on (default) or treat the failure
   * as a block. Ignored for Stop, SubagentStop, TaskCompleted and TeammateIdle.
   */
  onFailure?: 'continue' | 'block';
}

/** The `hooks` option: callbacks per event, each typed for its event. */
export type HooksConfig = { [E in HookEvent]?: HookCallbackMatcher<E>[] };
