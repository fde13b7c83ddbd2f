import type { Difference } from './compareWrite.js';

/** A place where the SDK's side of a replay differs from the recording. */
export interface Divergence {
  /**
   * `mismatch`: the SDK wrote the message the recording has there, with other content.
   * `unexpected_write`: the SDK wrote something the recording does not have.
   * `missing_write`: the recording has a write (or stdin EOF) the SDK never made.
   */
  kind: 'mismatch' | 'unexpected_write' | 'missing_write';
  /** `seq` of the recorded record (`"seq":N` in the file), when there is one. */
  seq?: number;
  /** What was (or should have been) written, in words: `the answer to can_use_tool for Bash`. */
  what: string;
  /** The recorded message. */
  expected?: Record<string, unknown>;
  /** What the SDK wrote. */
  actual?: unknown;
  /** For `mismatch`: each differing value. */
  differences: Difference[];
  /** All of the above as readable text. */
  message: string;
}
