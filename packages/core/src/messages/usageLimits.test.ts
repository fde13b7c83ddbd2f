import { describe, expect, it } from 'vitest';
import { ResultError } from '../errors/ResultError.js';
import type { SDKResultError, SDKResultSuccess } from './result.js';
import {
  classifyUsageText,
  ORG_POLICY_LIMIT_PREFIXES,
  USAGE_LIMIT_ERROR_PREFIXES,
  USAGE_TRANSITION_PREFIXES,
  USAGE_WARNING_PREFIXES,
  usageLimitOf,
} from './usageLimits.js';

const base = {
  type: 'result' as const,
  duration_ms: 1,
  duration_api_ms: 1,
  num_turns: 1,
  stop_reason: null,
  total_cost_usd: 0,
  usage: { input_tokens: 0, output_tokens: 0 },
  modelUsage: {},
  permission_denials: [],
  uuid: 'u',
  session_id: 's',
};

const apiError = (text: string): SDKResultSuccess =>
  ({ ...base, subtype: 'success', is_error: true, result: text }) as unknown as SDKResultSuccess;

describe('usage-limit texts', () => {
  it('classifies each table by its prefix', () => {
    for (const p of USAGE_LIMIT_ERROR_PREFIXES)
      expect(classifyUsageText(`${p} x`)).toBe('usage_limit');
    for (const p of ORG_POLICY_LIMIT_PREFIXES) expect(classifyUsageText(p)).toBe('org_policy');
    for (const p of USAGE_WARNING_PREFIXES)
      expect(classifyUsageText(`${p} 80%`)).toBe('usage_warning');
    for (const p of USAGE_TRANSITION_PREFIXES) {
      expect(classifyUsageText(`  ${p}.`)).toBe('usage_transition');
    }
    expect(classifyUsageText('API Error: 500 overloaded')).toBeUndefined();
  });

  it('tells a plan limit apart on an is_error result, and ResultError carries it', () => {
    const limited = apiError("You've hit your session limit · resets 5pm");
    expect(usageLimitOf(limited)).toBe('usage_limit');
    expect(new ResultError(limited).usageLimit).toBe('usage_limit');
    const policy = {
      ...base,
      subtype: 'error_during_execution',
      is_error: true,
      errors: ['something else', 'This service is disabled for your org'],
    } as unknown as SDKResultError;
    expect(usageLimitOf(policy)).toBe('org_policy');
    expect(usageLimitOf(apiError('API Error: 529'))).toBeUndefined();
    expect(new ResultError(apiError('API Error: 529')).usageLimit).toBeUndefined();
    // Not an error: a warning text in a successful answer is not a limit.
    expect(usageLimitOf({ ...apiError("You've hit your limit"), is_error: false })).toBeUndefined();
  });
});
