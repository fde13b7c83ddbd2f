const MARKER = Symbol.for('agentsdk.testing.ModelServerError');

/** Every error code the scripted model server throws. */
export type ModelServerErrorCode =
  /** A script (file or object) does not match the documented format. */
  | 'INVALID_SCRIPT'
  /** A `waitFor…` call did not see what it waited for within its timeout. */
  | 'WAIT_TIMEOUT'
  /** A `waitFor…` call was aborted through its `AbortSignal`. */
  | 'ABORTED'
  /** The server was closed while something was waiting on it. */
  | 'CLOSED';

/**
 * The error thrown by the scripted model server's API (script validation, waits, close).
 * `ModelServerError.is(x)` works across duplicated installs, where `instanceof` would not.
 *
 * Errors the *CLI* sees (script exhausted, malformed requests) are never thrown: they are
 * answered over HTTP and recorded in `server.errors`.
 */
export class ModelServerError extends Error {
  readonly code: ModelServerErrorCode;
  readonly [MARKER] = true;

  constructor(code: ModelServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'ModelServerError';
  }

  static is(value: unknown): value is ModelServerError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
