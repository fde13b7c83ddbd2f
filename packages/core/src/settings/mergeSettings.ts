import type { Settings } from './types.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `high` over `low`, the CLI's way: objects merge key by key, lists join without repeats (so
 * `permissions.allow` of every file applies), anything else from `high`. Neither input changes.
 */
export function mergeSettings(low: Settings, high: Settings): Settings {
  return mergeObjects(low, high) as Settings;
}

function mergeObjects(low: Json, high: Json): Json {
  const out: Json = { ...low };
  for (const [key, value] of Object.entries(high)) {
    // `JSON.parse` keeps a `"__proto__"` key as data; assigning it would set the prototype, and a
    // settings file could then slip in values (`permissions.allow`) no key shows.
    if (value === undefined || key === '__proto__') continue;
    const before = out[key];
    // A nested object is copied through the merge, so the guard above holds at every depth.
    if (isObject(value)) out[key] = mergeObjects(isObject(before) ? before : {}, value);
    else if (Array.isArray(before) && Array.isArray(value)) out[key] = joinLists(before, value);
    else out[key] = value;
  }
  return out;
}

function joinLists(low: unknown[], high: unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of [...low, ...high]) {
    const key = typeof item === 'string' ? `s:${item}` : `j:${JSON.stringify(item)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
