/** Where a value sits in a message: keys and array indexes from the top. */
export type JsonPath = readonly (string | number)[];

export interface MatchContext {
  /** Where the two values sit in the message. */
  path: JsonPath;
  /** The whole recorded message the SDK's write is compared with. */
  message: Record<string, unknown>;
}

/**
 * Decides whether a value the SDK wrote matches the recorded one. Called for every value,
 * top-down, before the built-in comparison: return `true` (equal, do not look inside), `false`
 * (different) or `undefined` (no opinion: compare as usual).
 */
export type ValueMatcher = (
  expected: unknown,
  actual: unknown,
  context: MatchContext,
) => boolean | undefined;

/** Treat the named keys as equal wherever they appear, whatever their values. */
export function ignoreKeys(...keys: string[]): ValueMatcher {
  const set = new Set(keys);
  return (_expected, _actual, { path }) => {
    const last = path[path.length - 1];
    return typeof last === 'string' && set.has(last) ? true : undefined;
  };
}

/**
 * Treat the values at these paths as equal. A path is dotted keys with `[n]` for array items:
 * `response.response.updatedInput.command`, `message.content[0].text`. `*` matches one key or
 * index, `**` any number of them: `**.duration_ms`.
 */
export function ignorePaths(...patterns: string[]): ValueMatcher {
  const parsed = patterns.map(parsePath);
  return (_expected, _actual, { path }) => {
    const segments = path.map(String);
    return parsed.some((pattern) => matchPath(pattern, segments, 0, 0)) ? true : undefined;
  };
}

/** `a.b[0].c` → `['a', 'b', '0', 'c']`. */
export function parsePath(path: string): string[] {
  return path
    .replace(/\[(\*|\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
}

/** `['a', 'b', 0, 'c']` → `a.b[0].c`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(the whole message)' : out;
}

function matchPath(pattern: string[], path: string[], p: number, s: number): boolean {
  if (p === pattern.length) return s === path.length;
  const head = pattern[p];
  if (head === '**') {
    for (let k = s; k <= path.length; k++) if (matchPath(pattern, path, p + 1, k)) return true;
    return false;
  }
  if (s === path.length) return false;
  return (head === '*' || head === path[s]) && matchPath(pattern, path, p + 1, s + 1);
}
