import type { SessionSummaryEntry } from './sessionSummary.js';

/**
 * Where one transcript lives in a store. `projectKey` is the CLI's folder name for the project
 * (`projectSlug(cwd)`), `sessionId` the session, and `subpath` names a transcript inside the
 * session (`subagents/agent-<id>`), as the CLI lays them out under `projects/`.
 */
export interface SessionKey {
  projectKey: string;
  sessionId: string;
  subpath?: string;
}

/**
 * One transcript line. The CLI's line format is its own and changes between releases, so a store
 * treats entries as opaque JSON: it must give back deep-equal values, nothing more.
 */
export interface SessionStoreEntry {
  type: string;
  uuid?: string;
  timestamp?: string;
  [key: string]: unknown;
}

/**
 * Keeps a copy of session transcripts somewhere else than the CLI's config dir (a database, a
 * bucket, a shared volume). With `options.sessionStore`, every line the CLI writes is also
 * appended here, and `resume` restores a session from here when the local transcript is missing
 * (a new machine, a fresh container, an ephemeral `CLAUDE_CONFIG_DIR`).
 */
export interface SessionStore {
  /**
   * Append a batch of lines, in the order given. Entries with a `uuid` may arrive twice (a retry,
   * an import over an existing copy): keep the first. Entries without one are always appended.
   */
  append(key: SessionKey, entries: SessionStoreEntry[]): Promise<void>;
  /** Every line of a transcript, in order; `null` when the key was never written. */
  load(key: SessionKey): Promise<SessionStoreEntry[] | null>;
  /** The sessions of a project, with their last change (ms since the epoch), in any order. */
  listSessions?(projectKey: string): Promise<{ sessionId: string; mtime: number }[]>;
  /**
   * Every session's summary in a project, in one call: what `listSessions({ sessionStore })`
   * reads instead of loading each transcript. Keep them with `foldSessionSummary()` inside
   * `append()` (main transcripts only), serialised per session, and drop them in `delete()`.
   */
  listSessionSummaries?(projectKey: string): Promise<SessionSummaryEntry[]>;
  /** The `subpath`s stored under a session (subagent transcripts); needed to restore them. */
  listSubkeys?(key: { projectKey: string; sessionId: string }): Promise<string[]>;
  /** Remove a transcript; without `subpath`, the session and everything under it. */
  delete?(key: SessionKey): Promise<void>;
}

/**
 * When mirrored lines reach the store: `'batched'` (default) at the end of each turn and whenever
 * 100 lines are waiting; `'eager'` as soon as the CLI reports them.
 */
export type SessionStoreFlush = 'batched' | 'eager';
