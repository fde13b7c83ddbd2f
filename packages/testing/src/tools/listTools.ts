import { mcpRequest } from './mcpRequest.js';
import { ToolCallError } from './ToolCallError.js';
import type { ToolInfo, ToolServer } from './types.js';

/** The tools an in-process MCP server lists (`tools/list`, after the `initialize` handshake). */
export async function listTools(server: ToolServer): Promise<ToolInfo[]> {
  const result = await mcpRequest(server, 'tools/list', undefined);
  const tools = (result as { tools?: unknown } | undefined)?.tools;
  if (!Array.isArray(tools)) {
    throw new ToolCallError(
      'INVALID_RESPONSE',
      `tools/list returned ${JSON.stringify(result)}, not { tools: [...] }.`,
    );
  }
  return tools as ToolInfo[];
}
