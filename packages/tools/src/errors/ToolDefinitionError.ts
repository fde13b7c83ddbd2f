const MARKER = Symbol.for('agentsdk.tools.error');

/** Every code a {@link ToolDefinitionError} carries. */
export type ToolDefinitionErrorCode =
  /** A tool or server name the CLI and the Messages API cannot use. */
  | 'INVALID_TOOL_NAME'
  /** Two tools of one server share a name. */
  | 'DUPLICATE_TOOL_NAME'
  /** Two resources (same URI or name), templates or prompts of one server collide. */
  | 'DUPLICATE_NAME'
  /** A resource template that is not a valid RFC 6570 URI template. */
  | 'INVALID_URI_TEMPLATE'
  /** An input or output schema that cannot become the JSON Schema the model sees. */
  | 'UNSUPPORTED_SCHEMA'
  /** Any other mistake in a `tool()`, `resource()`, `prompt()` or `createSdkMcpServer()` call (missing handler, bad extras…). */
  | 'INVALID_TOOL_DEFINITION';

/**
 * Thrown when a tool or a server is defined, never when it runs: a tool that cannot work fails
 * loudly at startup instead of silently missing from `tools/list`. `ToolDefinitionError.is(x)`
 * works across duplicated installs, where `instanceof` would not.
 */
export class ToolDefinitionError extends Error {
  readonly code: ToolDefinitionErrorCode;
  readonly [MARKER] = true;

  constructor(code: ToolDefinitionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'ToolDefinitionError';
  }

  static is(value: unknown): value is ToolDefinitionError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
