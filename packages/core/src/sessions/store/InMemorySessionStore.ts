import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';
import { foldSessionSummary, type SessionSummaryEntry } from './sessionSummary.js';
import { keyString } from './storeKeys.js';

interface Transcript {
  entries: SessionStoreEntry[];
  uuids: Set<string>;
  mtime: number;
  /** Main transcripts only. */
  summary?: SessionSummaryEntry;
}

/**
 * A `SessionStore` in memory: for tests and for sharing sessions between queries of one process.
 * Everything is lost when the process exits.
 */
export class InMemorySessionStore implements SessionStore {
  private readonly transcripts = new Map<string, Transcript>();
  private lastMtime = 0;

  async append(key: SessionKey, entries: SessionStoreEntry[]): Promise<void> {
    const id = keyString(key);
    let transcript = this.transcripts.get(id);
    if (!transcript) {
      transcript = { entries: [], uuids: new Set(), mtime: 0 };
      this.transcripts.set(id, transcript);
    }
    const added: SessionStoreEntry[] = [];
    for (const entry of entries) {
      if (typeof entry.uuid === 'string') {
        if (transcript.uuids.has(entry.uuid)) continue;
        transcript.uuids.add(entry.uuid);
      }
      // A copy, so the caller's later changes cannot reach what was stored.
      added.push(structuredClone(entry));
    }
    transcript.entries.push(...added);
    // Strictly increasing, so two appends in one millisecond still order the sessions.
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    transcript.mtime = this.lastMtime;
    // Synchronous from here on: no other append can interleave with this fold.
    if (key.subpath === undefined) {
      transcript.summary = foldSessionSummary(transcript.summary, key, added, {
        mtime: transcript.mtime,
      });
    }
  }

  async load(key: SessionKey): Promise<SessionStoreEntry[] | null> {
    const transcript = this.transcripts.get(keyString(key));
    return transcript ? structuredClone(transcript.entries) : null;
  }

  async listSessions(projectKey: string): Promise<{ sessionId: string; mtime: number }[]> {
    const prefix = `${projectKey}/`;
    const sessions: { sessionId: string; mtime: number }[] = [];
    for (const [id, transcript] of this.transcripts) {
      if (!id.startsWith(prefix)) continue;
      const rest = id.slice(prefix.length);
      if (!rest.includes('/')) sessions.push({ sessionId: rest, mtime: transcript.mtime });
    }
    return sessions;
  }

  async listSessionSummaries(projectKey: string): Promise<SessionSummaryEntry[]> {
    const prefix = `${projectKey}/`;
    const summaries: SessionSummaryEntry[] = [];
    for (const [id, transcript] of this.transcripts) {
      if (id.startsWith(prefix) && transcript.summary) {
        summaries.push(structuredClone(transcript.summary));
      }
    }
    return summaries;
  }

  async listSubkeys(key: { projectKey: string; sessionId: string }): Promise<string[]> {
    const prefix = `${keyString(key)}/`;
    return [...this.transcripts.keys()]
      .filter((id) => id.startsWith(prefix))
      .map((id) => id.slice(prefix.length));
  }

  async delete(key: SessionKey): Promise<void> {
    const id = keyString(key);
    this.transcripts.delete(id);
    if (key.subpath !== undefined) return;
    for (const other of [...this.transcripts.keys()]) {
      if (other.startsWith(`${id}/`)) this.transcripts.delete(other);
    }
  }

  /** The lines stored for a key (a copy; `[]` when none): for assertions in tests. */
  entries(key: SessionKey): SessionStoreEntry[] {
    return structuredClone(this.transcripts.get(keyString(key))?.entries ?? []);
  }

  /** How many sessions (main transcripts) are stored. */
  get size(): number {
    let count = 0;
    for (const id of this.transcripts.keys()) if (id.split('/').length === 2) count += 1;
    return count;
  }

  clear(): void {
    this.transcripts.clear();
  }
}
