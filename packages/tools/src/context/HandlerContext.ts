import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  LoggingLevel,
  Root,
} from '@modelcontextprotocol/sdk/spec.types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { InferSchemaOutput, ToolSchema } from '../schema/types.js';

/** Progress of a long call, sent to the client as `notifications/progress`. */
export interface ToolProgress {
  /** Increases with every report (for example, items done). */
  progress: number;
  /** The value `progress` reaches at the end, when known. */
  total?: number;
  message?: string;
}

/** What the user answered to `context.elicit()`: the content is typed and validated by your schema. */
export type ElicitOutcome<T> =
  { action: 'accept'; content: T } | { action: 'decline' } | { action: 'cancel' };

/**
 * The client a handler runs for, as the server sees it: its declared capabilities and a way to
 * send it a request. Servers fill this in; pass your own to `definition.call()` in tests.
 */
export interface McpClientChannel {
  /** What the client declared in `initialize` (`undefined` before it did). */
  readonly capabilities: ClientCapabilities | undefined;
  /** Send one request to the client and resolve with its `result`. */
  request(method: string, params: Record<string, unknown>, signal: AbortSignal): Promise<unknown>;
}

/** What every handler (tool, resource, prompt) gets besides its input. */
export interface HandlerContext {
  /** Aborted when the client cancels the request (MCP `notifications/cancelled`, an interrupt, the session ending). */
  readonly signal: AbortSignal;
  /** The request's `_meta` as the client sent it (empty when none). */
  readonly meta: Readonly<Record<string, unknown>>;
  /** The capabilities the client declared (`undefined` when the handler runs without a client). */
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** Who the bearer token of this HTTP request belongs to (with `createHttpHandler({ auth })`). */
  readonly authInfo: AuthInfo | undefined;
  /**
   * Close the SSE stream of this request now; the client reconnects after the retry interval and
   * gets the result from the event store (long calls behind proxies that cut idle streams). A
   * no-op where streams cannot resume (stdio, in process, old clients, no event store).
   */
  readonly closeStream: () => void;
  /** Report progress. Sent only when the client asked for it (a `progressToken`); otherwise a no-op. Never throws. */
  readonly reportProgress: (progress: ToolProgress) => Promise<void>;
  /** Send a log message to the client (`notifications/message`), filtered by `logging/setLevel`. Never throws. */
  readonly log: (level: LoggingLevel, data: unknown) => Promise<void>;
  /**
   * Ask the client's model for a completion (MCP sampling, `sampling/createMessage`). Throws
   * `ClientRequestError` (`CLIENT_CAPABILITY_MISSING`) when the client does not offer sampling.
   */
  readonly createMessage: (params: CreateMessageRequestParams) => Promise<CreateMessageResult>;
  /**
   * Ask the user for structured input (MCP elicitation, form mode). `schema` is a Zod or JSON
   * Schema object of primitive fields (string, number, integer, boolean, enums); an accepted
   * answer is validated against it and typed. Throws `ClientRequestError` when the client does
   * not offer elicitation (`CLIENT_CAPABILITY_MISSING`) or answers content that fails the schema
   * (`INVALID_CLIENT_RESPONSE`).
   */
  readonly elicit: <S extends ToolSchema>(
    message: string,
    schema: S,
  ) => Promise<ElicitOutcome<InferSchemaOutput<S>>>;
  /** The client's roots (`roots/list`). Throws `ClientRequestError` when it does not offer roots. */
  readonly listRoots: () => Promise<Root[]>;
}

export type { AuthInfo, ClientCapabilities, CreateMessageRequestParams, CreateMessageResult, Root };
