import { AgentSDKError } from './AgentSDKError.js';

/** A session helper was given a `sessionStore` that lacks the optional method it needs. */
export class SessionStoreUnsupportedError extends AgentSDKError {
  /** The helper that was called, e.g. `listSessions`. */
  readonly helper: string;
  /** What the store would have to implement, e.g. `listSessionSummaries() or listSessions()`. */
  readonly needs: string;

  constructor(helper: string, needs: string) {
    super(
      'SESSION_STORE_UNSUPPORTED',
      `${helper}() cannot read from this session store: it does not implement ${needs}. Implement it on the store, or call ${helper}() without \`sessionStore\` to read the CLI's own transcripts.`,
    );
    this.helper = helper;
    this.needs = needs;
  }
}
