import { AgentSDKError } from './AgentSDKError.js';

/** The CLI process ended unexpectedly. Carries its exit code, signal and the tail of its stderr. */
export class ProcessError extends AgentSDKError {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stderr: string;

  constructor(
    message: string,
    details: { exitCode: number | null; signal: string | null; stderr: string },
    options?: { cause?: unknown },
  ) {
    const tail = details.stderr.trim();
    super('PROCESS_ERROR', tail ? `${message}\nCLI stderr (tail):\n${tail}` : message, options);
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.stderr = details.stderr;
  }
}
