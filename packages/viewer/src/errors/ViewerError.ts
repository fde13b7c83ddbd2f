import { AgentSDKError } from '@agentsdk/core';

/** Every error code of reading and showing a session. */
export type ViewerErrorCode =
  /** The file does not exist or cannot be read. */
  | 'FILE_NOT_READABLE'
  /** The file is empty. */
  | 'EMPTY_INPUT'
  /** A line (or the whole file) is not JSON. */
  | 'NOT_JSON'
  /** The file is JSON but none of the formats the viewer reads. */
  | 'UNKNOWN_FORMAT'
  /** The page asset is missing from the package (a broken build). */
  | 'PAGE_MISSING';

/**
 * The error of the viewer. Extends core's `AgentSDKError`; `ViewerError.is(x)` works across
 * duplicated installs, where `instanceof` would not.
 */
export class ViewerError extends AgentSDKError<ViewerErrorCode> {
  constructor(code: ViewerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ViewerError';
  }
}
