import type { ClaudeSDKClient } from '@agentsdk/core';
import type { SessionRecord, StoredEvent } from '../store/records.js';

export interface RunningTurn {
  /** Aborts retry waits; set when the turn must stop (shutdown, end, runaway). */
  readonly abort: AbortController;
  /** Pause the session when the turn ends (shutdown). */
  pauseAfter: boolean;
  readonly done: Promise<unknown>;
}

/** A session in memory: its record, its CLI process (while active) and its stream listeners. */
export interface LiveSession {
  record: SessionRecord;
  client: ClaudeSDKClient | undefined;
  turn: RunningTurn | undefined;
  /** How the next CLI process starts when not simply resuming (set before a retry). */
  restart?: { resumeAt: string } | { fresh: true } | undefined;
  readonly listeners: Set<(event: StoredEvent) => void>;
}
