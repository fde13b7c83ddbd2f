import { ReadResourceResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { McpRequestError } from '../errors/McpRequestError.js';
import type { ReadResourceResult, ResourceHandlerReturn } from './ResourceDefinition.js';

/**
 * Turn what a resource handler returned into a `resources/read` result: strings become text,
 * bytes become base64 blobs, missing `uri`/`mimeType` come from the request and the resource.
 * Anything else is an `INVALID_RESOURCE_RESULT` naming the problem.
 */
export function normalizeContents(
  value: ResourceHandlerReturn,
  uri: string,
  mimeType: string | undefined,
  who: string,
): ReadResourceResult {
  const fail = (why: string): never => {
    throw new McpRequestError(
      'INVALID_RESULT',
      `${who} returned an invalid result: ${why}. Return a string, bytes, { text } / { blob }, or { contents: [...] }.`,
    );
  };
  let items: readonly unknown[];
  let meta: unknown;
  if (typeof value === 'string' || value instanceof Uint8Array) items = [value];
  else if (Array.isArray(value)) items = value;
  else if (typeof value === 'object' && value !== null && 'contents' in value) {
    if (!Array.isArray(value.contents)) fail('"contents" must be an array');
    items = value.contents;
    meta = value._meta;
  } else if (typeof value === 'object' && value !== null) items = [value];
  else return fail(`got ${value === null ? 'null' : typeof value}`);

  const contents = items.map((item, index) => {
    if (typeof item === 'string') return { uri, mimeType: mimeType ?? 'text/plain', text: item };
    if (item instanceof Uint8Array) {
      return { uri, mimeType: mimeType ?? 'application/octet-stream', blob: toBase64(item) };
    }
    if (typeof item !== 'object' || item === null)
      return fail(`contents[${index}] is not an object`);
    const entry = item as Record<string, unknown>;
    const base = {
      ...entry,
      uri: entry['uri'] ?? uri,
      ...((entry['mimeType'] ?? mimeType) !== undefined && {
        mimeType: entry['mimeType'] ?? mimeType,
      }),
    };
    if (entry['blob'] instanceof Uint8Array) return { ...base, blob: toBase64(entry['blob']) };
    if (typeof entry['text'] !== 'string' && typeof entry['blob'] !== 'string') {
      return fail(`contents[${index}] has neither "text" (a string) nor "blob" (bytes or base64)`);
    }
    return base;
  });
  const result = { contents, ...(meta !== undefined && { _meta: meta }) };
  const checked = ReadResourceResultSchema.safeParse(result);
  if (!checked.success) {
    fail(
      checked.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; '),
    );
  }
  return result as ReadResourceResult;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
