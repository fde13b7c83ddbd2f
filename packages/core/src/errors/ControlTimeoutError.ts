import { AgentSDKError } from './AgentSDKError.js';

/** A control request to the CLI got no answer within its timeout. */
export class ControlTimeoutError extends AgentSDKError {
  readonly subtype: string;
  readonly timeoutMs: number;

  constructor(subtype: string, timeoutMs: number) {
    super(
      'CONTROL_TIMEOUT',
      `The CLI did not answer the "${subtype}" control request within ${timeoutMs} ms. ` +
        'Check that the CLI is running and not stuck; raise `controlTimeoutMs` if it is just slow.',
    );
    this.subtype = subtype;
    this.timeoutMs = timeoutMs;
  }
}
