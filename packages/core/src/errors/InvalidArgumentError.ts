import { AgentSDKError } from './AgentSDKError.js';

/** A method was called with an argument that cannot work; nothing was sent to the CLI. */
export class InvalidArgumentError extends AgentSDKError {
  /** The parameter at fault, e.g. `serverName`. */
  readonly argument: string;

  constructor(method: string, argument: string, problem: string) {
    super('INVALID_ARGUMENT', `${method}(): \`${argument}\` ${problem}.`);
    this.argument = argument;
  }
}
