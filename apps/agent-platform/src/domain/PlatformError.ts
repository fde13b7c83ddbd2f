const MARKER = Symbol.for('agentsdk.agent-platform.PlatformError');

export type PlatformErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_transition'
  | 'session_busy'
  | 'too_many_sessions'
  | 'budget_exceeded'
  | 'shutting_down'
  | 'agent_failed'
  | 'internal'
  | 'payload_too_large'
  | 'rate_limited'
  /** Another node took the session over (its lease lapsed): this node's writes are refused. */
  | 'lease_lost'
  /** The node running the session did not answer a forwarded request in time. */
  | 'node_unavailable';

const STATUS: Record<PlatformErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  session_busy: 409,
  too_many_sessions: 429,
  budget_exceeded: 429,
  shutting_down: 503,
  agent_failed: 502,
  internal: 500,
  payload_too_large: 413,
  rate_limited: 429,
  lease_lost: 503,
  node_unavailable: 503,
};

/** Every error the platform reports to a client: a string `code`, an HTTP status, one JSON shape. */
export class PlatformError extends Error {
  readonly [MARKER] = true;
  readonly status: number;

  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlatformError';
    this.status = STATUS[code];
    this.details = options?.details;
  }

  readonly details: Record<string, unknown> | undefined;

  static is(value: unknown): value is PlatformError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }

  /** The body every error response has: `{ error: { code, message, ...details } }`. */
  toJSON(): { error: { code: PlatformErrorCode; message: string } & Record<string, unknown> } {
    return { error: { ...this.details, code: this.code, message: this.message } };
  }
}
