import { AgentSDKError } from './AgentSDKError.js';

/** A stdout line looked like JSON (started with `{`) but did not parse. */
export class CLIJSONDecodeError extends AgentSDKError {
  /** The start of the offending line (at most 200 characters). */
  readonly line: string;

  constructor(line: string, cause: unknown) {
    const head = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    super(
      'CLI_JSON_DECODE',
      `The CLI wrote a line that is not valid JSON (${line.length} chars): ${head}. ` +
        'This usually means the CLI version is incompatible or its output was corrupted.',
      { cause },
    );
    this.line = head;
  }
}
