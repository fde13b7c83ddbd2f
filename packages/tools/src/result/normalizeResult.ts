import type { CallToolResult } from '../ToolDefinition.js';

/**
 * Turn whatever a handler returned into an MCP result. A string becomes one text block, an
 * array is the content, an object with a `content` array is a full result; any other object is
 * the structured output when the tool has an output schema (rendered later), else JSON text.
 * A string return value describes a malformed result (`content` that is not an array).
 */
export function normalizeResult(value: unknown, hasOutputSchema: boolean): CallToolResult | string {
  if (typeof value === 'string') return { content: [{ type: 'text', text: value }] };
  if (value === undefined || value === null) return { content: [] };
  if (Array.isArray(value)) return { content: [...(value as CallToolResult['content'])] };
  if (typeof value === 'object') {
    if ('content' in value) {
      const content = (value as { content?: unknown }).content;
      if (Array.isArray(content)) return { ...(value as CallToolResult), content: [...content] };
      // A result-shaped object with broken content is a bug, never a success.
      if (!hasOutputSchema || 'isError' in value || 'structuredContent' in value) {
        return `"content" must be an array of content blocks; got ${describe(content)}.`;
      }
    }
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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value;
}
