import type { SDKResultMessage } from './result.js';

// The CLI's own wording for plan-limit notices, as the official SDK 0.3.336 lists it: the only
// way to tell a usage limit from another API error is the start of the text.

/** An error text that starts with one of these means a usage limit was reached. */
export const USAGE_LIMIT_ERROR_PREFIXES = [
  "You've hit your",
  "You've reached your",
  "You're out of usage credits",
  'Your org is out of usage · add funds to continue',
  'Your org is out of usage · contact your admin',
  "Your seat type doesn't include usage credits",
  "Your seat type doesn't include usage",
  'Your usage allocation has been disabled by your admin',
  "Your group's usage limit is set to $0",
  'Fable 5 requires usage credits',
  "You're out of extra usage",
  "Your seat type doesn't include extra usage",
] as const;

/** Sent like a usage-limit error, but the cause is an organization policy, not a used-up limit. */
export const ORG_POLICY_LIMIT_PREFIXES = ['This service is disabled for your org'] as const;

/** Approaching-limit warnings; never an API error. */
export const USAGE_WARNING_PREFIXES = ["You've used", "You're close to"] as const;

/** "Now drawing from credits" notices; never an API error. */
export const USAGE_TRANSITION_PREFIXES = [
  "You're now using usage credits",
  "You're now using your usage allocation",
  'Now using your usage allocation',
  'Now using usage credits',
  'Now using credits',
  "You're now using extra usage",
  'Now using extra usage',
] as const;

/** What {@link classifyUsageText} recognizes in a notice or an error text. */
export type UsageTextKind = 'usage_limit' | 'org_policy' | 'usage_warning' | 'usage_transition';

const TABLES: ReadonlyArray<readonly [UsageTextKind, readonly string[]]> = [
  ['org_policy', ORG_POLICY_LIMIT_PREFIXES],
  ['usage_limit', USAGE_LIMIT_ERROR_PREFIXES],
  ['usage_transition', USAGE_TRANSITION_PREFIXES],
  ['usage_warning', USAGE_WARNING_PREFIXES],
];

/** Which kind of plan-limit text `text` is, or `undefined` for any other text. */
export function classifyUsageText(text: string): UsageTextKind | undefined {
  const trimmed = text.trimStart();
  for (const [kind, prefixes] of TABLES) {
    if (prefixes.some((prefix) => trimmed.startsWith(prefix))) return kind;
  }
  return undefined;
}

/**
 * Why an `is_error` result failed, when the cause is a plan limit: `usage_limit` (wait for the
 * reset or add credits) or `org_policy` (an admin must allow it); `undefined` otherwise —
 * retrying then may help. Reads `result` (API errors arrive as `subtype: 'success'`) and `errors`.
 */
export function usageLimitOf(result: SDKResultMessage): 'usage_limit' | 'org_policy' | undefined {
  if (!result.is_error) return undefined;
  const texts = result.subtype === 'success' ? [result.result] : [...(result.errors ?? [])];
  for (const text of texts) {
    const kind = typeof text === 'string' ? classifyUsageText(text) : undefined;
    if (kind === 'usage_limit' || kind === 'org_policy') return kind;
  }
  return undefined;
}
