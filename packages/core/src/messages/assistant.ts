import type { SDKContextUsage } from '../control/contextUsage.js';
import type { SDKUsageReport } from '../control/usageReport.js';
import type { ContentBlock } from './content.js';
import type { OpenString } from './openString.js';
import type { StopReason, Usage } from './usage.js';

/** The Anthropic API message inside an `assistant` line. */
export interface APIAssistantMessage {
  /** `msg_…`; a UUID on the CLI's synthetic API-error messages (j2, j6). */
  id: string;
  type: 'message';
  role: 'assistant';
  /** `"<synthetic>"` on the CLI's API-error messages. */
  model: string;
  content: ContentBlock[];
  /**
   * Always `null` on `assistant` lines: they are written per content block, before the API
   * reports a stop reason (docs/protocol.md §4.4, §9.4). Read it from `result.stop_reason` or the
   * `message_delta` stream event instead. Synthetic API-error messages say `"stop_sequence"`.
   */
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  /** Provisional `message_start` usage (`output_tokens: 1`), not the final count. */
  usage: Usage;
  context_management?: unknown;
  container?: unknown;
}

/** Why the CLI wrote a synthetic assistant message in place of a model reply. */
export type SDKAssistantMessageError = OpenString<
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
  | 'cloud_credential_error'
>;

/** Display metadata the CLI attaches for tool_use blocks of MCP tools (c1). */
export interface ToolUseMeta {
  id: string;
  display_name: string;
  server_display_name?: string;
  tool_name?: string;
  icon_url?: string;
  server_id?: string;
}

/**
 * One content block of a model reply. A reply with text + tool_use arrives as two lines
 * sharing `message.id` (docs/protocol.md §4.4).
 */
export interface SDKAssistantMessage {
  type: 'assistant';
  message: APIAssistantMessage;
  /** The Agent tool_use id for subagent messages (l1, l2); `null` for the main agent. */
  parent_tool_use_id: string | null;
  session_id: string;
  uuid: string;
  timestamp?: string;
  /** The API response's `request-id` header. */
  request_id?: string;
  /** Set when an interrupt cut the block short; the text is partial (f1, f2). */
  aborted?: true;
  /** Set on synthetic API-error messages, with `is_api_error_message` (j2, j6). */
  error?: SDKAssistantMessageError;
  is_api_error_message?: boolean;
  /** HTTP status of the failed API call, e.g. 401 or 529. */
  api_error_status?: number;
  /** The API's error type, e.g. `"authentication_error"`. */
  api_error_type?: string;
  tool_use_meta?: ToolUseMeta[];
  /** On thinking blocks (i1). */
  thinking_duration_ms?: number;
  thinking_display?: string;
  /** Subagent messages carry these (l1). */
  agent_id?: string;
  subagent_type?: string;
  task_description?: string;
  /** The uuid of the user message this turn answers, when the CLI knows it. */
  user_message_uuid?: string;
  /** On the message that carries a `/context` report: the same report as data. */
  context_usage?: SDKContextUsage;
  /** On the message that carries a `/usage` report: the same report as data. */
  usage_report?: SDKUsageReport;
}
