import type { ModelTurn } from './script.js';

/**
 * What a request was, as the scripted model server saw it.
 *
 * - `main`: a model turn of the conversation (`POST /v1/messages` with tools). Consumes the script.
 * - `subagent`: a model turn of a subagent (tools, and `cc_is_subagent=true` in the system prompt). Consumes the script.
 * - `side`: a request without tools (session title, model-switch probe, …). Never consumes the script.
 * - `count_tokens`: `POST /v1/messages/count_tokens`.
 * - `probe`: `HEAD`/`GET /api/hello`, the CLI's startup reachability check.
 * - `invalid`: a `POST /v1/messages…` whose body is not a JSON object (answered 400).
 * - `unknown`: any other method or path (answered 404).
 */
export type RequestKind =
  'main' | 'subagent' | 'side' | 'count_tokens' | 'probe' | 'invalid' | 'unknown';

/**
 * Which side request:
 * - `title`: the session-title request (`output_config.format` json_schema with a `title`
 *   property, system prompt "You are naming a coding session"), answered `{"title": …}`.
 * - `model_probe`: the probe sent on `set_model` (`max_tokens: 1`, not streaming).
 * - `other`: any other request without tools.
 */
export type SideRequestKind = 'title' | 'model_probe' | 'other';

/** How the answer to a request ended. */
export type ResponseOutcome =
  /** Still being answered (streaming, pacing or stalled). */
  | 'pending'
  /** The whole response was sent. */
  | 'completed'
  /** The client went away (or the server closed) before the response was complete. */
  | 'aborted';

/** The JSON body of a Messages API request, as sent (the fields the server looks at are typed). */
export interface MessagesRequestBody {
  model?: unknown;
  messages?: unknown;
  system?: unknown;
  tools?: unknown;
  stream?: unknown;
  max_tokens?: unknown;
  output_config?: unknown;
  [field: string]: unknown;
}

/** A problem the server answered with an HTTP error instead of a scripted turn. */
export interface RecordedError {
  /**
   * - `script_exhausted`: a model turn was requested but no turns were left (answered 400).
   * - `malformed_request`: the body of a `/v1/messages` request was not a JSON object (answered 400).
   */
  code: 'script_exhausted' | 'malformed_request';
  message: string;
  /** Index of the request in `server.requests`. */
  requestIndex: number;
}

/** One HTTP request received by the scripted model server. */
export interface RecordedRequest {
  /** Position in `server.requests` (0-based, arrival order). */
  index: number;
  /** HTTP method, upper-case. */
  method: string;
  /** Path without the query string, e.g. `/v1/messages`. */
  path: string;
  /** Path with the query string as sent, e.g. `/v1/messages?beta=true`. */
  url: string;
  /** Query parameters. */
  query: Record<string, string>;
  /** Request headers, names lower-case (repeated headers joined with `, `). */
  headers: Record<string, string>;
  /** The parsed JSON body, when it was a JSON object. */
  body: MessagesRequestBody | undefined;
  /** The raw body text, kept only when it could not be parsed as a JSON object. */
  rawBody?: string;
  kind: RequestKind;
  /** For `kind: 'side'`: which side request. */
  side?: SideRequestKind;
  /** `body.model` when it is a string. */
  model?: string;
  /** `body.stream === true`. */
  stream: boolean;
  /** Index of the script turn this request consumed (`main`/`subagent` only). */
  turnIndex?: number;
  /** The script turn this request consumed. */
  turn?: ModelTurn;
  /** HTTP status of the answer. */
  status: number;
  /** The `request-id` header of the answer (`req_…`). */
  requestId: string;
  /** The `id` of the message answered (`msg_…`), when the answer was a message. */
  messageId?: string;
  /** Set when the request was answered with a recorded error (also in `server.errors`). */
  error?: RecordedError;
  /** True once the response reached its stall point (see `ModelContentTurn.stall`). */
  stalled: boolean;
  /** How the answer ended; updated in place when the response finishes. */
  outcome: ResponseOutcome;
  /** `Date.now()` when the request body had been read. */
  receivedAt: number;
}
