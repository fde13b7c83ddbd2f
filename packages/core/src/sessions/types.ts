/** One session as `listSessions()` and `getSessionInfo()` describe it. */
export interface SDKSessionInfo {
  sessionId: string;
  /**
   * The custom title, else the CLI's generated title, else the last prompt, else the CLI's
   * summary, else the first prompt.
   */
  summary: string;
  /** ms since the epoch: the transcript's mtime, or the store's write time. */
  lastModified: number;
  /** Bytes of the transcript file; absent when read from a `sessionStore`. */
  fileSize?: number;
  customTitle?: string;
  firstPrompt?: string;
  gitBranch?: string;
  cwd?: string;
  tag?: string;
  /** ms since the epoch, from the first timestamped entry. */
  createdAt?: number;
  archived?: boolean;
  /** The transcript file; absent when read from a `sessionStore`. */
  file?: string;
}

/** One message of a session's conversation, as stored by the CLI. */
export interface SessionMessage {
  type: 'user' | 'assistant' | 'system';
  uuid: string;
  session_id: string;
  /** The API message (`{ role, content, … }`), as the CLI stored it. */
  message: unknown;
  parent_tool_use_id: string | null;
  /** The subagent that spawned the one this message belongs to; `null` for the main session. */
  parent_agent_id: string | null;
  timestamp?: string;
}
