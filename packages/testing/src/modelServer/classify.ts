import type { MessagesRequestBody, RequestKind, SideRequestKind } from './RecordedRequest.js';

/** The result of {@link classifyRequest}. */
export interface RequestClass {
  kind: RequestKind;
  side?: SideRequestKind;
}

const TITLE_PROMPT = 'You are naming a coding session';
const SUBAGENT_MARKER = 'cc_is_subagent=true';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a `system` field: a string or an array of `{type:"text", text}` blocks. */
export function systemText(system: unknown): string {
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return '';
  return system
    .flatMap((block) =>
      isObject(block) && typeof block['text'] === 'string' ? [block['text']] : [],
    )
    .join('\n');
}

function isTitleRequest(body: MessagesRequestBody): boolean {
  const config = body.output_config;
  if (isObject(config) && isObject(config['format'])) {
    const format = config['format'];
    const schema = format['schema'];
    if (
      format['type'] === 'json_schema' &&
      isObject(schema) &&
      isObject(schema['properties']) &&
      'title' in schema['properties']
    ) {
      return true;
    }
  }
  return systemText(body.system).includes(TITLE_PROMPT);
}

/**
 * Classifies an API request the way the scripted model server routes it.
 *
 * Rules: `HEAD|GET /api/hello` → `probe`; `POST /v1/messages/count_tokens` → `count_tokens`;
 * `POST /v1/messages` with a body that is not a JSON object → `invalid`; without tools (absent or
 * empty `tools`) → `side` (`title`, `model_probe` for `max_tokens: 1` without streaming, else
 * `other`); with tools and `cc_is_subagent=true` in the system prompt → `subagent`; otherwise `main`.
 * Anything else → `unknown`.
 *
 * @param body - The parsed body, or `undefined` when there was none or it was not a JSON object.
 */
export function classifyRequest(
  method: string,
  path: string,
  body: MessagesRequestBody | undefined,
): RequestClass {
  const route = path.replace(/\/+$/, '');
  if (route === '/api/hello' && (method === 'HEAD' || method === 'GET')) return { kind: 'probe' };
  if (method !== 'POST') return { kind: 'unknown' };
  if (route === '/v1/messages/count_tokens') {
    return body === undefined ? { kind: 'invalid' } : { kind: 'count_tokens' };
  }
  if (route !== '/v1/messages') return { kind: 'unknown' };
  if (body === undefined) return { kind: 'invalid' };

  const tools = body.tools;
  if (!Array.isArray(tools) || tools.length === 0) {
    if (isTitleRequest(body)) return { kind: 'side', side: 'title' };
    if (body.max_tokens === 1 && body.stream !== true) return { kind: 'side', side: 'model_probe' };
    return { kind: 'side', side: 'other' };
  }
  if (systemText(body.system).includes(SUBAGENT_MARKER)) return { kind: 'subagent' };
  return { kind: 'main' };
}
