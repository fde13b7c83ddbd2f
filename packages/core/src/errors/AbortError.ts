import { AgentSDKError } from './AgentSDKError.js';

/** The operation was aborted through an AbortSignal or `close()`. */
export class AbortError extends AgentSDKError {
  constructor(message = 'The operation was aborted.', options?: { cause?: unknown }) {
    super('ABORTED', message, options);
  }
}
