/** Narrowing helpers for wire JSON (every field is `unknown` until checked). */
export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A tool_result's or user message's content as text when it is text, else as is. */
export function contentText(content: unknown): unknown {
  if (typeof content === 'string') return content;
  if (Array.isArray(content) && content.every((b) => isObj(b) && b['type'] === 'text')) {
    return content.map((b) => String((b as Obj)['text'] ?? '')).join('\n');
  }
  return content;
}
