import { type JsonPath, type ValueMatcher } from './matchers.js';

/** One place where the SDK's write differs from the recording. */
export interface Difference {
  /** `changed`: both have a value; `missing`: only the recording has it; `extra`: only the SDK's write. */
  kind: 'changed' | 'missing' | 'extra';
  path: JsonPath;
  expected?: unknown;
  actual?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const PLACEHOLDER = /<redacted:[^>]*>/;
/** Keys whose values change every run; equal whenever both sides have a string. */
const VOLATILE_KEYS = new Set(['session_id', 'uuid', 'timestamp']);
const MAX_DIFFERENCES = 50;

/**
 * Compare a message the SDK wrote with the recorded one. Normalised: the SDK's own
 * `request_id`s (random per session), `session_id` / `uuid` / `timestamp` values, any two UUIDs
 * and any two ISO timestamps, and `<redacted:…>` placeholders (wildcards). `matchers` run first.
 */
export function compareWrite(
  expected: Record<string, unknown>,
  actual: unknown,
  matchers: readonly ValueMatcher[] = [],
): Difference[] {
  const differences: Difference[] = [];
  const isSdkRequest = expected.type === 'control_request';
  const visit = (e: unknown, a: unknown, path: (string | number)[]): void => {
    if (differences.length >= MAX_DIFFERENCES) return;
    for (const matcher of matchers) {
      const verdict = matcher(e, a, { path, message: expected });
      if (verdict === true) return;
      if (verdict === false) {
        differences.push({ kind: 'changed', path: [...path], expected: e, actual: a });
        return;
      }
    }
    if (e === a) return;
    if (typeof e === 'string' && typeof a === 'string') {
      if (!sameString(e, a, path)) {
        differences.push({ kind: 'changed', path: [...path], expected: e, actual: a });
      }
      return;
    }
    if (Array.isArray(e) && Array.isArray(a)) {
      const n = Math.max(e.length, a.length);
      for (let i = 0; i < n; i++) {
        path.push(i);
        if (i >= a.length) differences.push({ kind: 'missing', path: [...path], expected: e[i] });
        else if (i >= e.length) differences.push({ kind: 'extra', path: [...path], actual: a[i] });
        else visit(e[i], a[i], path);
        path.pop();
      }
      return;
    }
    if (isObject(e) && isObject(a)) {
      for (const key of Object.keys(e)) {
        if (path.length === 0 && isSdkRequest && key === 'request_id') continue;
        path.push(key);
        if (!(key in a)) differences.push({ kind: 'missing', path: [...path], expected: e[key] });
        else visit(e[key], a[key], path);
        path.pop();
      }
      for (const key of Object.keys(a)) {
        if (key in e) continue;
        if (path.length === 0 && isSdkRequest && key === 'request_id') continue;
        if (isNewInitializeField(expected, path, key)) continue;
        differences.push({ kind: 'extra', path: [...path, key], actual: a[key] });
      }
      return;
    }
    differences.push({ kind: 'changed', path: [...path], expected: e, actual: a });
  };
  visit(expected, actual, []);
  return differences;
}

/**
 * Fields core added to `initialize` after fixtures were recorded without them (the in-process
 * servers' manifests, derived from the tools the replay checks anyway): a fixture that lacks one
 * still replays, so upgrading the SDK does not break recordings. When both sides have it, it is
 * compared as usual.
 */
const NEW_INITIALIZE_FIELDS = new Set(['sdkMcpServerManifests']);

function isNewInitializeField(
  expected: Record<string, unknown>,
  path: readonly (string | number)[],
  key: string,
): boolean {
  const request = expected['request'] as { subtype?: unknown } | undefined;
  return (
    expected.type === 'control_request' &&
    request?.subtype === 'initialize' &&
    path.length === 1 &&
    path[0] === 'request' &&
    NEW_INITIALIZE_FIELDS.has(key)
  );
}

function sameString(e: string, a: string, path: JsonPath): boolean {
  const key = path[path.length - 1];
  if (typeof key === 'string' && VOLATILE_KEYS.has(key)) return true;
  if (UUID.test(e) && UUID.test(a)) return true;
  if (ISO_TIME.test(e) && ISO_TIME.test(a)) return true;
  if (PLACEHOLDER.test(e)) return wildcard(e).test(a);
  return false;
}

const wildcards = new Map<string, RegExp>();

/** `<redacted:…>` in the recorded string matches anything in the SDK's. */
function wildcard(pattern: string): RegExp {
  let regex = wildcards.get(pattern);
  if (!regex) {
    const source = pattern
      .split(/<redacted:[^>]*>/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*?');
    regex = new RegExp(`^${source}$`);
    wildcards.set(pattern, regex);
  }
  return regex;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
