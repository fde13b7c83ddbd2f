import type { OpenString } from './openString.js';
import type { ModelUsage, ResultUsage, StopReason } from './usage.js';

export interface SDKPermissionDenial {
  tool_name: string;
  tool_use_id: string;
  tool_input: Record<string, unknown>;
}

/** Why the turn's loop stopped. */
export type TerminalReason = OpenString<
  | 'completed'
  | 'aborted_streaming'
  | 'aborted_tools'
  | 'max_turns'
  | 'budget_exhausted'
  | 'api_error'
  | 'structured_output_retry_exhausted'
  | 'prompt_too_long'
  | 'blocking_limit'
  | 'rapid_refill_breaker'
  | 'image_error'
  | 'model_error'
  | 'malformed_tool_use_exhausted'
  | 'stop_hook_prevented'
  | 'hook_stopped'
  | 'tool_deferred'
  | 'tool_deferred_unavailable'
  | 'background_requested'
  | 'turn_setup_failed'
>;

/** The tool call a `PreToolUse` hook deferred; the turn ended so the host can run it. */
export interface SDKDeferredToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/**
 * Why the CLI refused to start (set on the `error_during_execution` result it writes before
 * exiting), so a host can offer the fix instead of a retry. An open set: newer CLIs add reasons.
 */
export type SDKStartupFailureReason = OpenString<
  | 'org_pin_api_key_conflict'
  | 'provider_not_allowed'
  | 'org_verify_failed'
  | 'org_pin_mismatch'
  | 'managed_settings_invalid'
  | 'remote_settings_required_unavailable'
  | 'gateway_signin_required'
  | 'gateway_access_denied'
  | 'proxy_invalid'
  | 'temp_dir_unusable'
  | 'cwd_unavailable'
  | 'shell_tool_missing'
  | 'session_held_by_background'
  | 'worktree_resume_refused'
  | 'worktree_unverified'
  | 'cli_version_too_old'
  | 'bypass_root'
  | 'org_config_required_unavailable'
  | 'org_config_refused'
  | 'sandbox_required_unavailable'
  | 'initialize_not_first'
  | 'config_file_invalid'
  | 'managed_settings_not_delivered'
  | 'initialize_fields_not_delivered'
  | 'sideload_flags_disabled'
>;

/**
 * Why fast mode cannot serve now; absent when nothing blocks it. An open set.
 */
export type FastModeDisabledReason = OpenString<
  | 'free'
  | 'preference'
  | 'extra_usage_disabled'
  | 'network_error'
  | 'unknown'
  | 'not_first_party'
  | 'disabled_by_env'
  | 'model_not_allowed'
  | 'sdk_opt_in_required'
  | 'pending'
>;

export interface SubagentStats {
  spawned: number;
  requested: { background: number; foreground: number; unset: number };
  started_in_background: number;
  by_type: Record<string, number>;
  max_depth: number;
  spawned_by_subagents: number;
  completed: number;
  failed: number;
  killed: { parent: number; user: number; system: number };
  refused: { depth_limit: number; concurrency_limit: number; budget: number };
}

interface SDKResultBase {
  type: 'result';
  /** `true` on every error subtype, and on `success` when the API call failed. */
  is_error: boolean;
  duration_ms: number;
  duration_api_ms: number;
  /** API round trips in this turn (j3: 2 with max_turns 1, because the tool still ran). */
  num_turns: number;
  /** The last API stop reason; `null` when the turn was aborted (f1). */
  stop_reason: StopReason | null;
  /** Cumulative for the session: grows across turns and across `--resume`/`--fork-session`. */
  total_cost_usd: number;
  usage: ResultUsage;
  /** Cumulative per-model totals; read the latest result rather than summing. */
  modelUsage: Record<string, ModelUsage>;
  model_usage_since_last_result?: Record<string, ModelUsage>;
  permission_denials: SDKPermissionDenial[];
  terminal_reason?: TerminalReason;
  fast_mode_state?: OpenString<'off' | 'cooldown' | 'on'>;
  fast_mode_disabled_reason?: FastModeDisabledReason;
  subagent_stats?: SubagentStats;
  safety_stops?: number;
  queued_turn_count?: number;
  /** Counts results within the process: 0, 1, … */
  result_index?: number;
  /** API message ids begun in this turn (seen with partial messages, i1). */
  begun_message_ids?: string[];
  uuid: string;
  session_id: string;
}

export interface SDKResultSuccess extends SDKResultBase {
  subtype: 'success';
  /**
   * The last assistant text; the JSON text of the tool input with structured output (h1);
   * the error text when `is_error` is true (e.g. "Invalid API key · Fix external API key").
   */
  result: string;
  /** The parsed structured output (h1). Absent if the model never called the tool (h3). */
  structured_output?: unknown;
  /** Set when a `PreToolUse` hook answered `defer`: the call to run before resuming. */
  deferred_tool_use?: SDKDeferredToolUse;
  /** HTTP status of a failed API call (401, 529, …); `null` otherwise. */
  api_error_status?: number | null;
  api_error_type?: string;
  api_error_code?: string;
  ttft_ms?: number;
  ttft_stream_ms?: number;
  time_to_request_ms?: number;
  first_content_frame_ms?: number;
}

export type SDKResultErrorSubtype =
  | 'error_during_execution'
  | 'error_max_turns'
  | 'error_max_budget_usd'
  | 'error_max_structured_output_retries';

export interface SDKResultError extends SDKResultBase {
  subtype: SDKResultErrorSubtype;
  /**
   * What went wrong, e.g. `["Reached maximum number of turns (1)"]` (j3). Interrupts give an
   * `[ede_diagnostic] …` line (f1). There is no `result` text.
   */
  errors: string[];
  /** Set on the result a CLI writes when it refuses to start for a known reason. */
  startup_failure_reason?: SDKStartupFailureReason;
}

/**
 * `result`: always the last message of a turn (docs/protocol.md §4.7). A process can write several:
 * one per queued turn and one per background-task turn (`result_index` 0, 1, …, §5.9).
 *
 * **Check `is_error`, not `subtype`.** API failures arrive as `subtype: "success"` with
 * `is_error: true` and the error text in `result` (j2, j6; §9.3).
 */
export type SDKResultMessage = SDKResultSuccess | SDKResultError;
