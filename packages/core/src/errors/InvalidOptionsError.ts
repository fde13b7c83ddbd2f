import { AgentSDKError } from './AgentSDKError.js';

/** One option that cannot work: its key, what is wrong, and a likely fix when there is one. */
export interface OptionIssue {
  /** Dotted path of the option, e.g. `maxTurns` or `mcpServers.db.command`. */
  key: string;
  message: string;
  /** For an unknown key, the option it most likely meant. */
  didYouMean?: string;
}

/** The options given to `query()` or `ClaudeSDKClient` cannot work; the message says which one. */
export class InvalidOptionsError extends AgentSDKError {
  /** Every problem found (empty when the error came from a single check with its own message). */
  readonly issues: readonly OptionIssue[];

  constructor(message: string, issues: readonly OptionIssue[] = []) {
    super('INVALID_OPTIONS', message);
    this.issues = issues;
  }
}
