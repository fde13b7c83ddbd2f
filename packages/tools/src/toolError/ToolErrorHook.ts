/** What `onError` learns about a tool call whose handler threw. */
export interface ToolErrorContext {
  /** The tool whose handler threw. */
  readonly toolName: string;
  /** The server that served the call; undefined for a direct `definition.call()`. */
  readonly serverName: string | undefined;
  /** Claude Code's `tool_use` id, when the client sent one (`_meta["claudecode/toolUseId"]`). */
  readonly toolUseId: string | undefined;
  /** The validated arguments the handler was called with. */
  readonly input: unknown;
  /**
   * What the model will read: `Tool "<name>" failed: <the error's first line>`, without the
   * stack, at most 300 characters, with the values of secret-looking environment variables and
   * URL credentials replaced by `[redacted]` (a `ClientRequestError` keeps its list of issues).
   */
  readonly message: string;
}

/**
 * Called when a tool's handler throws (not when it returns `isError: true`, and not when the call
 * was cancelled). It replaces the default report, the error with its stack on stderr: send it to
 * your logger or error tracker. Return a string to replace the message the model reads (for
 * example a generic one when error messages may carry private data); return nothing to keep it.
 * If the hook itself throws, both errors go to stderr and the model gets the default message.
 */
export type ToolErrorHook = (
  error: unknown,
  context: ToolErrorContext,
) => string | void | Promise<string | void>;
