import { InvalidOptionsError, type OptionIssue } from '../errors/InvalidOptionsError.js';
import type { ClaudeAgentOptions } from './ClaudeAgentOptions.js';
import { OPTION_KEYS, optionsSchema } from './optionsSchema.js';

/** Official-SDK option names with a different name here, so the hint says where to go. */
const RENAMED: Record<string, string> = {
  additionalDirectories: 'addDirs',
  continue: 'continueConversation',
  pathToClaudeCodeExecutable: 'cliPath',
  abortController: 'abortSignal',
};

/**
 * Check options against the one schema. Throws `InvalidOptionsError` listing every problem at
 * once (not just the first), with a did-you-mean for a misspelled key.
 */
export function validateOptions(options: unknown): ClaudeAgentOptions {
  if (options === undefined) return {};
  const parsed = optionsSchema.safeParse(options);
  const issues: OptionIssue[] = parsed.success
    ? combinationIssues(options as ClaudeAgentOptions)
    : [];
  if (parsed.success && issues.length === 0) return options as ClaudeAgentOptions;
  for (const issue of parsed.error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = RENAMED[key] ?? closest(key, OPTION_KEYS);
        issues.push({
          key: [...issue.path.map(String), key].join('.'),
          message: 'is not an option',
          ...(guess !== undefined ? { didYouMean: guess } : {}),
        });
      }
      continue;
    }
    const key = issue.path.map(String).join('.');
    issues.push({ key: key || '(options)', message: describe(issue, options, issue.path) });
  }
  const lines = issues.map(
    (i) => `  - ${i.key}: ${i.message}${i.didYouMean ? ` (did you mean "${i.didYouMean}"?)` : ''}`,
  );
  throw new InvalidOptionsError(
    `Invalid options (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    issues,
  );
}

/** Options that are fine alone and cannot work together. */
function combinationIssues(options: ClaudeAgentOptions): OptionIssue[] {
  const issues: OptionIssue[] = [];
  if (options.sessionStore !== undefined && options.persistSession === false) {
    issues.push({
      key: 'sessionStore',
      message:
        'needs the CLI to write its transcript, so it cannot be used with persistSession: false (the store mirrors the local write)',
    });
  }
  if (options.user !== undefined && options.spawnClaudeCodeProcess !== undefined) {
    issues.push({
      key: 'user',
      message:
        'cannot apply to a process that spawnClaudeCodeProcess starts; run it as that user in your spawner instead',
    });
  }
  return issues;
}

function describe(issue: { message: string }, root: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = root;
  for (const key of path) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  return `${issue.message} (got ${show(value)})`;
}

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

/** The known key nearest to `key`, if near enough to be a typo. */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
