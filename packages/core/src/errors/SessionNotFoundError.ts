import { AgentSDKError } from './AgentSDKError.js';

/** No transcript of this session id where the CLI keeps them. */
export class SessionNotFoundError extends AgentSDKError {
  readonly sessionId: string;

  constructor(sessionId: string, where: string) {
    super(
      'SESSION_NOT_FOUND',
      `Session ${sessionId} not found in ${where}. Check the id (listSessions() shows them), the \`dir\` option (the project's cwd) and CLAUDE_CONFIG_DIR.`,
    );
    this.sessionId = sessionId;
  }
}
