import { AgentSDKError } from './AgentSDKError.js';

/** The CLI answered a control request with an error (e.g. `invalid_mode`, `unsupported_request`). */
export class ControlError extends AgentSDKError {
  readonly subtype: string;
  /** The CLI's `error_code`, when it sent one. */
  readonly errorCode: string | undefined;

  constructor(subtype: string, message: string, errorCode?: string) {
    super('CONTROL_ERROR', `The CLI rejected the "${subtype}" control request: ${message}`);
    this.subtype = subtype;
    this.errorCode = errorCode;
  }
}
