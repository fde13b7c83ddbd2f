import { AgentSDKError } from './AgentSDKError.js';

/** A transcript file could not be read: a line that is not JSON, or an I/O failure. */
export class TranscriptError extends AgentSDKError {
  readonly file: string;
  /** 1-based line number, when one line is at fault. */
  readonly line: number | undefined;

  constructor(
    file: string,
    line: number | undefined,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(
      'TRANSCRIPT_ERROR',
      `${file}${line !== undefined ? `:${line}` : ''}: ${problem}. The messages before it were delivered; the file was not changed.`,
      options,
    );
    this.file = file;
    this.line = line;
  }
}
