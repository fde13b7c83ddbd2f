import { AgentSDKError } from '@agentsdk/core';

/** What went wrong in `create-agent-tool` or `agentsdk`. */
export type CliErrorCode =
  | 'USAGE'
  | 'UNKNOWN_TEMPLATE'
  | 'INVALID_NAME'
  | 'TARGET_NOT_EMPTY'
  | 'FILE_NOT_FOUND'
  | 'NO_TOOLS'
  | 'COMMAND_FAILED'
  | 'VALIDATION_FAILED'
  | 'NO_CREDENTIALS'
  | 'CANCELLED';

/** Exit codes: 1 a failure, 2 a usage error (bad flag, name or template), 130 cancelled. */
const EXIT_CODES: Record<CliErrorCode, number> = {
  USAGE: 2,
  UNKNOWN_TEMPLATE: 2,
  INVALID_NAME: 2,
  TARGET_NOT_EMPTY: 1,
  FILE_NOT_FOUND: 1,
  NO_TOOLS: 1,
  COMMAND_FAILED: 1,
  VALIDATION_FAILED: 1,
  NO_CREDENTIALS: 1,
  CANCELLED: 130,
};

/** A failure of a CLI command: the message names the thing, the value and the fix. */
export class CliError extends AgentSDKError<CliErrorCode> {
  /** The process exit code for this error. */
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}
