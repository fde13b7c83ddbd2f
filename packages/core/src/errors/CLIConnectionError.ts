import { AgentSDKError } from './AgentSDKError.js';

/** The CLI could not be started or talked to (spawn failure, bad cwd, stdin closed, not connected). */
export class CLIConnectionError extends AgentSDKError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLI_CONNECTION', message, options);
  }
}
