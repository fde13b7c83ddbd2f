import { AgentSDKError } from './AgentSDKError.js';
import type { SDKResultMessage } from '../messages/result.js';
import { usageLimitOf } from '../messages/usageLimits.js';

/** A turn ended with `is_error: true`. Thrown only where the caller asks (`throwOnResultError`). */
export class ResultError extends AgentSDKError {
  readonly result: SDKResultMessage;
  /**
   * `usage_limit` or `org_policy` when the turn failed on a plan limit (a retry will not help
   * until the limit resets or an admin acts); `undefined` for other errors.
   */
  readonly usageLimit: 'usage_limit' | 'org_policy' | undefined;

  constructor(result: SDKResultMessage) {
    const detail =
      'errors' in result && Array.isArray(result.errors) && result.errors.length > 0
        ? result.errors.join('; ')
        : typeof (result as { result?: unknown }).result === 'string'
          ? String((result as { result?: unknown }).result)
          : 'no detail';
    super('RESULT_ERROR', `The turn ended with an error (${result.subtype}): ${detail}`);
    this.result = result;
    this.usageLimit = usageLimitOf(result);
  }
}
