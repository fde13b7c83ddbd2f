import { AgentSDKError } from './AgentSDKError.js';

/** The `SessionStore` failed or did not answer while a session was restored from it. */
export class SessionStoreError extends AgentSDKError {
  readonly sessionId: string;

  constructor(sessionId: string, problem: string, options?: { cause?: unknown }) {
    super(
      'SESSION_STORE_ERROR',
      `Could not restore session ${sessionId} from the session store: ${problem}. Nothing was started; check the store, or raise \`loadTimeoutMs\` for a slow one.`,
      options,
    );
    this.sessionId = sessionId;
  }
}
