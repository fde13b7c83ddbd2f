import type { SlashCommand } from '../control/controlTypes.js';
import type { OpenString } from './openString.js';

// Message kinds beyond the conversation itself: progress, limits, notifications. Shapes follow
// what CLI 2.1.331 emits (and the official SDK declares); every one carries `uuid` and
// `session_id`, and fields a newer CLI adds are kept on the object.

interface Envelope {
  uuid: string;
  session_id: string;
}

/** A running tool is still working (long Bash, subagent): elapsed time, no result yet. */
export interface SDKToolProgressMessage extends Envelope {
  type: 'tool_progress';
  tool_use_id: string;
  tool_name: string;
  parent_tool_use_id: string | null;
  elapsed_time_seconds: number;
  task_id?: string;
  heartbeat?: boolean;
  subagent_type?: string;
}

export interface SDKRateLimitInfo {
  status?: OpenString<'allowed' | 'allowed_warning' | 'rejected'>;
  resetsAt?: number;
  rateLimitType?: string;
  utilization?: number;
  [key: string]: unknown;
}

/** The account's rate-limit state changed (subscription logins). */
export interface SDKRateLimitEvent extends Envelope {
  type: 'rate_limit_event';
  rate_limit_info: SDKRateLimitInfo;
}

/** What the user might ask next (with the `promptSuggestions` option). */
export interface SDKPromptSuggestionMessage extends Envelope {
  type: 'prompt_suggestion';
  suggestion: string;
}

/** The conversation was reset (`/clear`, leaving plan mode for a fresh session, …). */
export interface SDKConversationResetMessage extends Envelope {
  type: 'conversation_reset';
  new_conversation_id: string;
  trigger?: OpenString<'clear' | 'plan_mode_exit' | 'fresh_session' | 'onboarding'>;
  user_message_uuid?: string;
  timestamp?: string;
}

/** A short summary of tool calls that were folded away. */
export interface SDKToolUseSummaryMessage extends Envelope {
  type: 'tool_use_summary';
  summary: string;
  preceding_tool_use_ids: string[];
}

/** Output of an authentication flow. */
export interface SDKAuthStatusMessage extends Envelope {
  type: 'auth_status';
  isAuthenticating?: boolean;
  output: string[];
  error?: string;
}

/** The session's active goal changed (`SetGoal`). */
export interface SDKActiveGoalMessage extends Envelope {
  type: 'active_goal';
  value: unknown;
}

/** The top-level message kinds of this file. */
export type SDKEventMessage =
  | SDKToolProgressMessage
  | SDKRateLimitEvent
  | SDKPromptSuggestionMessage
  | SDKConversationResetMessage
  | SDKToolUseSummaryMessage
  | SDKAuthStatusMessage
  | SDKActiveGoalMessage;

export const KNOWN_EVENT_TYPES = [
  'tool_progress',
  'rate_limit_event',
  'prompt_suggestion',
  'conversation_reset',
  'tool_use_summary',
  'auth_status',
  'active_goal',
] as const satisfies readonly SDKEventMessage['type'][];

interface SystemEnvelope extends Envelope {
  type: 'system';
}

/** A notification the CLI would show in its status line. */
export interface SDKSystemNotificationMessage extends SystemEnvelope {
  subtype: 'notification';
  key: string;
  text: string;
  priority: OpenString<'low' | 'medium' | 'high' | 'immediate'>;
  color?: string;
  timeout_ms?: number;
}

/** Files written during the turn were persisted (or failed to be). */
export interface SDKSystemFilesPersistedMessage extends SystemEnvelope {
  subtype: 'files_persisted';
  files: Array<{ filename: string; file_id: string }>;
  failed: Array<{ filename: string; error: string }>;
  processed_at: string;
}

/** A URL-mode elicitation finished (correlate with `ElicitationRequest.elicitationId`). */
export interface SDKSystemElicitationCompleteMessage extends SystemEnvelope {
  subtype: 'elicitation_complete';
  mcp_server_name: string;
  elicitation_id: string;
}

/** Output of a local slash command (`/cost`, `/context`, …). */
export interface SDKSystemLocalCommandOutputMessage extends SystemEnvelope {
  subtype: 'local_command_output';
  content: string;
}

/** Memories recalled for the turn. */
export interface SDKSystemMemoryRecallMessage extends SystemEnvelope {
  subtype: 'memory_recall';
  mode: OpenString<'select' | 'synthesize'>;
  memories: unknown[];
}

/** An informational line from the CLI (a tip, a warning, a notice). */
export interface SDKSystemInformationalMessage extends SystemEnvelope {
  subtype: 'informational';
  content: string;
  level: OpenString<'info' | 'notice' | 'suggestion' | 'warning'>;
  tool_use_id?: string;
  prevent_continuation?: boolean;
  tag?: string;
}

/** The slash commands available changed (a plugin or skill was loaded). */
export interface SDKSystemCommandsChangedMessage extends SystemEnvelope {
  subtype: 'commands_changed';
  commands: SlashCommand[];
}

/** The disk is full: the transcript (or global config) is no longer being written. */
export interface SDKSystemSessionWritesLostMessage extends SystemEnvelope {
  subtype: 'session_writes_lost';
  error_code: OpenString<'ENOSPC' | 'EDQUOT'>;
  lost: Array<OpenString<'transcript' | 'global_config'>>;
  transcript_session_ids?: string[];
}

export interface SDKSystemPluginInstallMessage extends SystemEnvelope {
  subtype: 'plugin_install';
  status: OpenString<'started' | 'installed' | 'failed' | 'completed'>;
  name?: string;
  error?: string;
}

export interface SDKSystemWorkerShuttingDownMessage extends SystemEnvelope {
  subtype: 'worker_shutting_down';
  reason: string;
}

export interface SDKSystemMirrorErrorMessage extends SystemEnvelope {
  subtype: 'mirror_error';
  error: string;
  key: unknown;
}

/** The model refused and the CLI switched model (or reverted). */
export interface SDKSystemModelRefusalFallbackMessage extends SystemEnvelope {
  subtype: 'model_refusal_fallback';
  trigger: 'refusal';
  direction: OpenString<'retry' | 'revert' | 'sticky'>;
  original_model: string;
  fallback_model: string;
  request_id: string | null;
  scope?: OpenString<'session' | 'local'>;
}

/**
 * The model refused and no retry on another model runs (none configured, or routing declined).
 * The structured form of an assistant error frame with `stop_reason: "refusal"`.
 */
export interface SDKSystemModelRefusalNoFallbackMessage extends SystemEnvelope {
  subtype: 'model_refusal_no_fallback';
  original_model: string;
  request_id: string | null;
  api_refusal_category?: string | null;
  api_refusal_explanation?: string | null;
  refused_user_message_uuid?: string | null;
  content: string;
}

/**
 * Progress of a long-running control request the host sent (today only `side_question`),
 * matched by `request_id`. `api_retry` carries the retry counters of an API retry.
 */
export interface SDKSystemControlRequestProgressMessage extends SystemEnvelope {
  subtype: 'control_request_progress';
  request_id: string;
  status: OpenString<'started' | 'api_retry'>;
  attempt?: number;
  max_retries?: number;
  retry_delay_ms?: number;
  error_status?: number | null;
}

export type SDKSystemEventMessage =
  | SDKSystemNotificationMessage
  | SDKSystemFilesPersistedMessage
  | SDKSystemElicitationCompleteMessage
  | SDKSystemLocalCommandOutputMessage
  | SDKSystemMemoryRecallMessage
  | SDKSystemInformationalMessage
  | SDKSystemCommandsChangedMessage
  | SDKSystemSessionWritesLostMessage
  | SDKSystemPluginInstallMessage
  | SDKSystemWorkerShuttingDownMessage
  | SDKSystemMirrorErrorMessage
  | SDKSystemModelRefusalFallbackMessage
  | SDKSystemModelRefusalNoFallbackMessage
  | SDKSystemControlRequestProgressMessage;

export const KNOWN_SYSTEM_EVENT_SUBTYPES = [
  'notification',
  'files_persisted',
  'elicitation_complete',
  'local_command_output',
  'memory_recall',
  'informational',
  'commands_changed',
  'session_writes_lost',
  'plugin_install',
  'worker_shutting_down',
  'mirror_error',
  'model_refusal_fallback',
  'model_refusal_no_fallback',
  'control_request_progress',
] as const satisfies readonly SDKSystemEventMessage['subtype'][];
