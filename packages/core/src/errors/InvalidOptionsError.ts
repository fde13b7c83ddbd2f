import { AgentSDKError } from './AgentSDKError.js';

/** The options given to `query()` or `ClaudeSDKClient` cannot work; the message says which one. */
export class InvalidOptionsError extends AgentSDKError {
  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}
