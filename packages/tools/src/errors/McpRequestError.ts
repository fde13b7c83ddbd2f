const MARKER = Symbol.for('agentsdk.tools.mcpRequestError');

/** Every code a {@link McpRequestError} carries. */
export type McpRequestErrorCode =
  /** No resource or template matches the URI (JSON-RPC `-32002`). */
  | 'RESOURCE_NOT_FOUND'
  /** No prompt by that name (JSON-RPC `-32602`). */
  | 'PROMPT_NOT_FOUND'
  /** Prompt arguments that fail the prompt's schema (JSON-RPC `-32602`). */
  | 'INVALID_ARGUMENTS'
  /** The resource or prompt handler threw (JSON-RPC `-32603`). */
  | 'HANDLER_FAILED'
  /** The handler returned something MCP cannot carry (JSON-RPC `-32603`). */
  | 'INVALID_RESULT';

const RPC_CODES: Record<McpRequestErrorCode, number> = {
  RESOURCE_NOT_FOUND: -32002,
  PROMPT_NOT_FOUND: -32602,
  INVALID_ARGUMENTS: -32602,
  HANDLER_FAILED: -32603,
  INVALID_RESULT: -32603,
};

/**
 * Thrown by `read()` of resources and `get()` of prompts; served to clients as a JSON-RPC error
 * (`rpcCode`) whose message names the problem. The server keeps serving.
 */
export class McpRequestError extends Error {
  readonly code: McpRequestErrorCode;
  readonly [MARKER] = true;

  constructor(code: McpRequestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'McpRequestError';
  }

  /** The JSON-RPC error code a server answers with. */
  get rpcCode(): number {
    return RPC_CODES[this.code];
  }

  static is(value: unknown): value is McpRequestError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
