import { AgentSDKError } from './AgentSDKError.js';

/**
 * A settings file exists but cannot be used: unreadable, not JSON (comments are not allowed), or
 * not a JSON object. The CLI skips such a file and applies none of its rules; `resolveSettings()`
 * says so instead (or lists it in `errors` with `invalidFiles: 'skip'`).
 */
export class SettingsParseError extends AgentSDKError {
  /** The settings file. */
  readonly path: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(
      'SETTINGS_PARSE',
      `The settings file ${path} cannot be used: ${reason}. Fix or remove it; the CLI skips it and applies none of its rules.`,
      options,
    );
    this.path = path;
  }
}
