import { AgentSDKError } from './AgentSDKError.js';

/** The Claude Code CLI could not be found (or the given path is not runnable). */
export class CLINotFoundError extends AgentSDKError {
  /** Every place that was looked at, in order. */
  readonly searched: readonly string[];

  constructor(message: string, searched: readonly string[] = [], options?: { cause?: unknown }) {
    super('CLI_NOT_FOUND', message, options);
    this.searched = searched;
  }
}
