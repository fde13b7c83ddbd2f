import { formatPath } from './matchers.js';
import type { Difference } from './compareWrite.js';

/**
 * A message on the wire in words, for divergence reports. `requests` are the CLI's control
 * requests by id, to name what a control_response answers.
 */
export function describeWrite(
  message: Record<string, unknown>,
  requests: ReadonlyMap<string, Record<string, unknown>>,
): string {
  switch (message.type) {
    case 'control_response': {
      const response = asRecord(message.response);
      const id = response.request_id;
      const request = typeof id === 'string' ? requests.get(id) : undefined;
      return request
        ? `the answer to ${describeRequest(request)}`
        : `a control_response to request ${JSON.stringify(id)}`;
    }
    case 'control_request':
      return `control_request ${String(asRecord(message.request).subtype)}`;
    case 'user': {
      const content = asRecord(message.message).content;
      const text =
        typeof content === 'string'
          ? content
          : Array.isArray(content)
            ? content
                .map((b) => (typeof asRecord(b).text === 'string' ? asRecord(b).text : ''))
                .join('')
            : '';
      return `the user message ${JSON.stringify(clip(String(text), 60))}`;
    }
    default:
      return `a ${String(message.type)} message`;
  }
}

/** A CLI control request in words: `can_use_tool for Bash`, `mcp_message tools/call "add" (server calc)`. */
export function describeRequest(request: Record<string, unknown>): string {
  switch (request.subtype) {
    case 'can_use_tool':
      return `can_use_tool for ${String(request.tool_name)}`;
    case 'hook_callback': {
      const event = asRecord(request.input).hook_event_name;
      return `hook_callback ${String(request.callback_id)}${event ? ` (${String(event)})` : ''}`;
    }
    case 'mcp_message': {
      const rpc = asRecord(request.message);
      const tool =
        rpc.method === 'tools/call' ? ` ${JSON.stringify(asRecord(rpc.params).name)}` : '';
      return `mcp_message ${String(rpc.method)}${tool} (server ${String(request.server_name)})`;
    }
    default:
      return `control_request ${String(request.subtype)}`;
  }
}

/** Differences as indented lines: path, then expected and actual. */
export function formatDifferences(differences: readonly Difference[]): string {
  return differences
    .map((d) => {
      const where = `  ${formatPath(d.path)}`;
      switch (d.kind) {
        case 'missing':
          return `${where}\n    expected: ${show(d.expected)}\n    actual:   (missing)`;
        case 'extra':
          return `${where}\n    expected: (missing)\n    actual:   ${show(d.actual)}`;
        default:
          return `${where}\n    expected: ${show(d.expected)}\n    actual:   ${show(d.actual)}`;
      }
    })
    .join('\n');
}

/** A value as one line of JSON, clipped. */
export function show(value: unknown, max = 300): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return clip(text, max);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
