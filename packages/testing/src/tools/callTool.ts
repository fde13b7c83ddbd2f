import { mcpRequest } from './mcpRequest.js';
import { ToolCallError } from './ToolCallError.js';
import type { ToolCallResult, ToolServer } from './types.js';

export interface CallToolOptions {
  /** Passed to the handler as its cancellation signal. */
  signal?: AbortSignal;
  /** Sent as `_meta["claudecode/toolUseId"]`, as Claude Code does. */
  toolUseId?: string;
}

/**
 * Call one tool of an in-process MCP server exactly as Claude Code does (JSON-RPC `tools/call`
 * through `handleMessage`, after the `initialize` handshake). Tool failures come back as
 * `isError: true` results; protocol errors (unknown method, …) throw `ToolCallError`.
 */
export async function callTool(
  server: ToolServer,
  name: string,
  args: Record<string, unknown> = {},
  options: CallToolOptions = {},
): Promise<ToolCallResult> {
  const params: Record<string, unknown> = { name, arguments: args };
  if (options.toolUseId !== undefined) params._meta = { 'claudecode/toolUseId': options.toolUseId };
  const result = await mcpRequest(server, 'tools/call', params, options.signal);
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray((result as ToolCallResult).content)
  ) {
    throw new ToolCallError(
      'INVALID_RESPONSE',
      `tools/call "${name}" returned ${JSON.stringify(result)}, not a result with a content array.`,
    );
  }
  return result as ToolCallResult;
}

/** The text blocks of a tool result, joined with newlines. */
export function resultText(result: ToolCallResult): string {
  return result.content
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}
