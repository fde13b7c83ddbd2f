const MARKER = Symbol.for('agentsdk.tools.clientRequestError');

/** Every code a {@link ClientRequestError} carries. */
export type ClientRequestErrorCode =
  /** The client did not declare the capability (sampling, elicitation, roots) in `initialize`. */
  | 'CLIENT_CAPABILITY_MISSING'
  /** The handler runs without a connected client (`definition.call()` with no `client` option). */
  | 'NO_CLIENT'
  /** The client answered with something that breaks the MCP schema or the handler's schema. */
  | 'INVALID_CLIENT_RESPONSE';

/**
 * Thrown by `context.createMessage()`, `context.elicit()` and `context.listRoots()` when the
 * request to the client cannot be made or its answer is unusable. Uncaught in a tool, it becomes
 * an `isError` result; in a resource or prompt, a JSON-RPC error. `ClientRequestError.is(x)`
 * works across duplicated installs.
 */
export class ClientRequestError extends Error {
  readonly code: ClientRequestErrorCode;
  readonly [MARKER] = true;

  constructor(code: ClientRequestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'ClientRequestError';
  }

  static is(value: unknown): value is ClientRequestError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
