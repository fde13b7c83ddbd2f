import { AgentSDKError } from '@agentsdk/core';

/** Every error code of the tool test helpers. */
export type ToolCallErrorCode =
  /** The server answered with a JSON-RPC error (unknown method, bad params, …). */
  | 'MCP_ERROR'
  /** The server answered something that is not a JSON-RPC response to the request. */
  | 'INVALID_RESPONSE';

/** Thrown by `callTool` / `listTools` when the server does not answer as MCP requires. */
export class ToolCallError extends AgentSDKError<ToolCallErrorCode> {
  /** The JSON-RPC error, for `MCP_ERROR`. */
  readonly rpcError: { code: number; message: string; data?: unknown } | undefined;

  constructor(
    code: ToolCallErrorCode,
    message: string,
    options?: { cause?: unknown; rpcError?: { code: number; message: string; data?: unknown } },
  ) {
    super(code, message, options);
    this.name = 'ToolCallError';
    this.rpcError = options?.rpcError;
  }
}
