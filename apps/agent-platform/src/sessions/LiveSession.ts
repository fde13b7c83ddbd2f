import type { ClaudeSDKClient } from '@agentsdk/core';
import type { Principal } from '../domain/Principal.js';
import type { SessionRecord, StoredEvent } from '../domain/records.js';

export interface RunningTurn {
  /** Who asked: budgets are checked against this tier. */
  readonly principal: Principal;
  /** Aborts retry waits; set when the turn must stop (shutdown, end, runaway). */
  readonly abort: AbortController;
  /** Pause the session when the turn ends (shutdown). */
  pauseAfter: boolean;
  readonly startedAt: number;
  readonly done: Promise<unknown>;
  /** Spend the model proxy recorded for this turn, over all its attempts. */
  costUsd: number;
  /** Set when the proxy refused or cut a request for the budget: the turn ends with it. */
  budgetExceeded?: string | undefined;
}

/** How the next CLI process starts when not simply resuming (set before a retry). */
export type RestartPoint = { resumeAt: string } | { fresh: true };

/** A session in memory: its record, its CLI process (while active) and its stream listeners. */
export interface LiveSession {
  record: SessionRecord;
  client: ClaudeSDKClient | undefined;
  /** Ends the process's model-proxy registration (its key and socket). */
  releaseProxy: (() => Promise<void>) | undefined;
  turn: RunningTurn | undefined;
  restart: RestartPoint | undefined;
  /** Set by end/fail: no process may start for it any more. */
  closed: boolean;
  /** Serialises lifecycle steps (start, pause, resume, end, sweep) of this session. */
  lock: Promise<unknown>;
  readonly listeners: Set<(event: StoredEvent) => void>;
  /** Cluster mode: the fencing token of this node's lease; every write of the session carries it. */
  fence?: number | undefined;
}

export function liveSession(record: SessionRecord): LiveSession {
  return {
    record,
    client: undefined,
    releaseProxy: undefined,
    turn: undefined,
    restart: undefined,
    closed: false,
    lock: Promise.resolve(),
    listeners: new Set(),
  };
}
