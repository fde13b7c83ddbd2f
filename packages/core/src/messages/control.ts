import type { HookInput } from '../hooks/types.js';
import type { PermissionUpdate } from '../permissions/types.js';
import type { JSONRPCMessage } from '../mcp/SdkMcpServer.js';

// Control-protocol wire types (docs/protocol.md §3.1, §3.3, §4.1, §4.2). Not part of `SDKMessage`:
// the control router consumes these and never hands them to users.

/** `can_use_tool`: sent only with `--permission-prompt-tool=stdio`, for tools the CLI's own rules do not allow. */
export interface CanUseToolRequest {
  subtype: 'can_use_tool';
  tool_name: string;
  input: Record<string, unknown>;
  tool_use_id: string;
  permission_suggestions?: PermissionUpdate[];
  /** The path outside the allowed directories that triggered the prompt. */
  blocked_path?: string;
  display_name?: string;
  description?: string;
  title?: string;
  /** For SDK MCP tools: `{"name":"calc","source":"sdk"}` (c1). */
  mcp_server?: { name: string; source?: string };
  server_policy_ask_only?: boolean;
  decision_reason?: string;
  decision_reason_type?: string;
  decision_reason_code?: string;
  /** Set when a subagent asks. */
  agent_id?: string;
  plugin?: string;
  default_to_no?: boolean;
  suppress_always_allow_rule?: boolean;
  requires_user_interaction?: boolean;
  matched_ask_rule?: { source: string; tool_name: string; rule_content?: string };
}

/** `hook_callback`: a hook registered in `initialize.hooks` fired. */
export interface HookCallbackRequest {
  subtype: 'hook_callback';
  /** The id the SDK registered (`hookCallbackIds`). */
  callback_id: string;
  input: HookInput;
  /** The tool_use id for tool hooks; a random UUID, not a tool id, for `UserPromptSubmit` (§9.11). */
  tool_use_id?: string;
}

/** `mcp_message`: JSON-RPC for an SDK (in-process) MCP server. Answer `{mcp_response: …}`. */
export interface McpMessageRequest {
  subtype: 'mcp_message';
  server_name: string;
  message: JSONRPCMessage;
}

/** `elicitation`: an MCP server asks the user for input. Answer `{action, content?}`. */
export interface ElicitationWireRequest {
  subtype: 'elicitation';
  mcp_server_name: string;
  message: string;
  mode?: 'form' | 'url';
  url?: string;
  elicitation_id?: string;
  requested_schema?: Record<string, unknown>;
  property_order?: string[];
  title?: string;
  display_name?: string;
  description?: string;
}

/** `request_user_dialog`: a tool asks the host to render a dialog of a declared kind. */
export interface UserDialogWireRequest {
  subtype: 'request_user_dialog';
  dialog_kind: string;
  payload: Record<string, unknown>;
  tool_use_id?: string;
}

/** Requests the CLI sends to the SDK. Answer any other subtype with an error response. */
export type InboundControlRequest =
  | CanUseToolRequest
  | HookCallbackRequest
  | McpMessageRequest
  | ElicitationWireRequest
  | UserDialogWireRequest;

/**
 * `{"type":"control_request","request_id":…,"request":{"subtype":…}}`. The type parameter
 * is the payload: inbound requests by default; the SDK's own requests use the same envelope.
 */
export interface SDKControlRequest<TRequest extends { subtype: string } = InboundControlRequest> {
  type: 'control_request';
  /** UUIDv4 from the CLI; any string from the SDK. */
  request_id: string;
  request: TRequest;
}

export interface ControlSuccessResponse<TResponse = Record<string, unknown>> {
  subtype: 'success';
  /** Absent when the request had no `request_id` (docs/protocol.md §4.1). */
  request_id?: string;
  /** Absent for some requests, e.g. `set_max_thinking_tokens` (§9.10). */
  response?: TResponse;
  /** Seen on the CLI's `initialize` answer (empty lists). */
  pending_permission_requests?: SDKControlRequest[];
  pending_user_dialog_requests?: SDKControlRequest[];
}

export interface ControlErrorResponse {
  subtype: 'error';
  /** Absent when the request had no `request_id` (docs/protocol.md §4.1). */
  request_id?: string;
  error: string;
  /** e.g. `unsupported_request`, `invalid_mode`, `bypass_not_launched`; only from the CLI. */
  error_code?: string;
}

export interface SDKControlResponse<TResponse = Record<string, unknown>> {
  type: 'control_response';
  response: ControlSuccessResponse<TResponse> | ControlErrorResponse;
}

/**
 * The CLI gave up on one of its own pending requests (e.g. an interrupt during `can_use_tool`,
 * f3). Stop waiting on it and do not answer it.
 */
export interface SDKControlCancelRequest {
  type: 'control_cancel_request';
  request_id: string;
  tool_use_id?: string;
}

export type SDKControlMessage = SDKControlRequest | SDKControlResponse | SDKControlCancelRequest;

/** The control message types, which the router consumes before anything reaches users. */
export const CONTROL_MESSAGE_TYPES = [
  'control_request',
  'control_response',
  'control_cancel_request',
] as const satisfies readonly SDKControlMessage['type'][];
