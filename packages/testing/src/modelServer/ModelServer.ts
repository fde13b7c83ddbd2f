import type { RecordedError, RecordedRequest, RequestKind } from './RecordedRequest.js';
import type { ModelScript, ModelTurn } from './script.js';

/** Options of {@link createModelServer}. */
export interface ModelServerOptions {
  /** The turns to answer model requests with (a script object or just its turns). Default: none. */
  script?: ModelScript | readonly ModelTurn[];
  /**
   * Turns for subagent requests (tools present, `cc_is_subagent=true` in the system prompt).
   * Without it they consume the main script in arrival order; with it they have their own queue,
   * which keeps background subagents deterministic.
   */
  subagentScript?: readonly ModelTurn[];
  /** Port to listen on, on 127.0.0.1 only. Default 0 (a free port). */
  port?: number;
  /** Default characters per streamed delta chunk (a turn's `chunk_chars` wins). Default 10. */
  chunkChars?: number;
  /** Title answered to the session-title side request. Default `"Mock session title"`. */
  sessionTitle?: string;
  /** Text answered to other side requests (model-switch probe, …). Default `"OK"`. */
  sideText?: string;
  /** `input_tokens` answered by `POST /v1/messages/count_tokens`. Default 42. */
  countTokens?: number;
}

/** Bounds of a wait. */
export interface WaitOptions {
  /** Reject with `ModelServerError` `WAIT_TIMEOUT` after this many ms. Default 10 000. */
  timeoutMs?: number;
  /** Reject with `ModelServerError` `ABORTED` when this signal aborts. */
  signal?: AbortSignal;
  /** Wait for the `count`-th match (1-based, counting matches that already arrived). Default 1. */
  count?: number;
}

/** Selects recorded requests: a {@link RequestKind} or a predicate. */
export type RequestMatcher = RequestKind | ((request: RecordedRequest) => boolean);

/**
 * Events of the server; listeners get the recorded request.
 * - `request`: a request was received and classified (its answer is about to start).
 * - `stall`: a response reached its stall point and is held (see `ModelContentTurn.stall`).
 * - `response`: a response finished (`outcome` is `completed` or `aborted`).
 */
export type ModelServerEvent = 'request' | 'stall' | 'response';

/** A running scripted model server. Create it with {@link createModelServer}. */
export interface ModelServer extends AsyncDisposable {
  /** Base URL for `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:41579`. */
  readonly url: string;
  /** The port listened on (127.0.0.1). */
  readonly port: number;
  /** Every request received, in arrival order (a live array). */
  readonly requests: readonly RecordedRequest[];
  /** Requests answered with an error the script did not ask for (exhaustion, malformed body). */
  readonly errors: readonly RecordedError[];
  /** Turns not consumed yet. */
  readonly remaining: number;
  /** Turns consumed so far. */
  readonly consumed: number;
  /** Appends turns to the script (each is checked; throws `INVALID_SCRIPT`). */
  push(...turns: ModelTurn[]): void;
  /** The recorded requests of one kind. */
  requestsOfKind(kind: RequestKind): RecordedRequest[];
  /** The recorded `main` requests (the conversation's model turns). */
  mainRequests(): RecordedRequest[];
  /** The latest `main` request, if any. */
  lastMainRequest(): RecordedRequest | undefined;
  /**
   * Resolves with the first (or `count`-th) request matching `match`, including requests that
   * arrived before the call. Rejects on timeout (default 10 s), abort or close.
   */
  waitForRequest(match: RequestMatcher, options?: WaitOptions): Promise<RecordedRequest>;
  /**
   * Resolves when the answer to a request matching `match` has ended (`outcome` is `completed`, or
   * `aborted` when the client went away, e.g. the CLI aborting a stalled stream on interrupt).
   */
  waitForResponse(match: RequestMatcher, options?: WaitOptions): Promise<RecordedRequest>;
  /** Resolves when a response (matching `match`, if given) has reached its stall point. */
  waitForStall(options?: WaitOptions & { match?: RequestMatcher }): Promise<RecordedRequest>;
  /** Lets every currently stalled response continue to its end. Returns how many were released. */
  release(): number;
  /** Subscribes to an event; returns the unsubscribe function. */
  on(event: ModelServerEvent, listener: (request: RecordedRequest) => void): () => void;
  /** Stops listening and closes open connections (stalled ones too). Idempotent. */
  close(): Promise<void>;
}
