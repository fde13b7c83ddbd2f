import type { CallToolResult } from '../ToolDefinition.js';

/**
 * Turn whatever a handler returned into an MCP result. A string becomes one text block, an
 * array is the content, an object with a `content` array is a full result; any other object is
 * the structured output when the tool has an output schema (rendered later), else JSON text.
 */
export function normalizeResult(value: unknown, hasOutputSchema: boolean): CallToolResult {
  if (typeof value === 'string') return { content: [{ type: 'text', text: value }] };
  if (value === undefined || value === null) return { content: [] };
  if (Array.isArray(value)) return { content: [...(value as CallToolResult['content'])] };
  if (typeof value === 'object') {
    const content = (value as { content?: unknown }).content;
    if (Array.isArray(content)) return { ...(value as CallToolResult), content: [...content] };
    if (hasOutputSchema)
      return { content: [], structuredContent: value as Record<string, unknown> };
    return { content: [{ type: 'text', text: JSON.stringify(value) }] };
  }
  return { content: [{ type: 'text', text: String(value) }] };
}

/** A result the model reads as a failed tool call. */
export function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
