const MARKER = Symbol.for('agentsdk.error');

/** Every error code this SDK throws. A string literal union so `switch (err.code)` is exhaustive. */
export type AgentSDKErrorCode =
  | 'CLI_NOT_FOUND'
  | 'CLI_CONNECTION'
  | 'PROCESS_ERROR'
  | 'CLI_JSON_DECODE'
  | 'CONTROL_TIMEOUT'
  | 'CONTROL_ERROR'
  | 'RESULT_ERROR'
  | 'ABORTED'
  | 'INVALID_OPTIONS'
  | 'INVALID_ARGUMENT'
  | 'SESSION_NOT_FOUND'
  | 'TRANSCRIPT_ERROR'
  | 'SESSION_STORE_ERROR'
  | 'SESSION_STORE_UNSUPPORTED'
  | 'SETTINGS_PARSE';

/**
 * Base class of all agentsdk errors. `AgentSDKError.is(x)` works across duplicated installs
 * (two copies of this package in one process), where `instanceof` would not.
 */
export class AgentSDKError<C extends string = AgentSDKErrorCode> extends Error {
  readonly code: C;
  readonly [MARKER] = true;

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  /** Other agentsdk packages extend this class with codes of their own (hence the type parameter). */
  static is<T extends AgentSDKError<string>>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
  ): value is T {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[MARKER] !== true) return false;
    // On a subclass (`ProcessError.is(x)`), match that class by name: `instanceof` fails across
    // duplicated installs, and the marker alone would accept every agentsdk error.
    return this === (AgentSDKError as unknown) || (value as Error).name === this.name;
  }
}

/** True when `value` is an agentsdk error with the given code (works across installs). */
export function isAgentSDKError<C extends string>(
  value: unknown,
  code: C,
): value is AgentSDKError<C> {
  return AgentSDKError.is(value) && value.code === code;
}
