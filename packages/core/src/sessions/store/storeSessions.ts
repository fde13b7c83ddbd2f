import { SessionNotFoundError } from '../../errors/SessionNotFoundError.js';
import { SessionStoreUnsupportedError } from '../../errors/SessionStoreUnsupportedError.js';
import { checkSessionId, projectSlug, type SessionLocationOptions } from '../sessionPaths.js';
import type { SDKSessionInfo } from '../types.js';
import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';
import {
  foldSessionSummary,
  type SessionSummaryData,
  type SessionSummaryEntry,
} from './sessionSummary.js';

/** Where the read-only session helpers read: the CLI's files, or a `SessionStore`. */
export interface SessionSourceOptions extends SessionLocationOptions {
  /**
   * Read from this store instead of the CLI's files. The project is `dir` (default: the current
   * directory), keyed as the CLI names its folder; `configDir` is not used.
   */
  sessionStore?: SessionStore;
}

/** The store's key for the project of `dir` (the CLI's folder name for it). */
export function storeProjectKey(options: SessionLocationOptions): string {
  return projectSlug(options.dir ?? process.cwd());
}

/**
 * Every session of the project in a store, unsorted. One `listSessionSummaries()` call when the
 * store has it; a session whose summary is missing or older than its transcript (`listSessions()`
 * says so) is loaded and folded instead, so a store written by an older version still lists right.
 */
export async function listStoreSessions(
  store: SessionStore,
  options: SessionLocationOptions,
): Promise<SDKSessionInfo[]> {
  const projectKey = storeProjectKey(options);
  if (!store.listSessionSummaries && !store.listSessions) {
    throw new SessionStoreUnsupportedError(
      'listSessions',
      'listSessionSummaries() or listSessions()',
    );
  }
  const summaries = new Map<string, SessionSummaryEntry>();
  for (const summary of (await store.listSessionSummaries?.(projectKey)) ?? []) {
    summaries.set(summary.sessionId, summary);
  }
  if (store.listSessions) {
    const listed = await store.listSessions(projectKey);
    const fresh = new Map<string, SessionSummaryEntry>();
    for (const { sessionId, mtime } of listed) {
      const known = summaries.get(sessionId);
      if (known && known.mtime >= mtime) {
        fresh.set(sessionId, known);
        continue;
      }
      const entries = await store.load({ projectKey, sessionId });
      if (entries?.length) fresh.set(sessionId, fold({ projectKey, sessionId }, entries, mtime));
    }
    summaries.clear();
    for (const [id, summary] of fresh) summaries.set(id, summary);
  }
  const out: SDKSessionInfo[] = [];
  for (const summary of summaries.values()) {
    const info = summaryToInfo(summary);
    if (info) out.push(info);
  }
  return out;
}

/** One session's metadata from a store; `SessionNotFoundError` when the store has no transcript. */
export async function storeSessionInfo(
  store: SessionStore,
  sessionId: string,
  options: SessionLocationOptions,
): Promise<SDKSessionInfo> {
  checkSessionId('getSessionInfo', sessionId);
  const key: SessionKey = { projectKey: storeProjectKey(options), sessionId };
  const entries = await loadStoreTranscript(store, key);
  const listed = (await store.listSessions?.(key.projectKey))?.find(
    (s) => s.sessionId === sessionId,
  );
  const summary = fold(key, entries, listed?.mtime ?? lastTimestamp(entries));
  return summaryToInfo(summary, true) ?? { sessionId, summary: '', lastModified: summary.mtime };
}

/** A transcript from a store; `SessionNotFoundError` when the store has none. */
export async function loadStoreTranscript(
  store: SessionStore,
  key: SessionKey,
): Promise<SessionStoreEntry[]> {
  const entries = await store.load(key);
  if (entries === null || entries.length === 0) {
    const name = key.subpath === undefined ? key.sessionId : `${key.sessionId}/${key.subpath}`;
    throw new SessionNotFoundError(name, `the session store (project key ${key.projectKey})`);
  }
  return entries;
}

/** The subagent ids a store holds for a session (`subagents/agent-<id>` subkeys). */
export async function listStoreSubagents(
  store: SessionStore,
  sessionId: string,
  options: SessionLocationOptions,
): Promise<string[]> {
  checkSessionId('listSubagents', sessionId);
  if (!store.listSubkeys) {
    throw new SessionStoreUnsupportedError('listSubagents', 'listSubkeys()');
  }
  const subkeys = await store.listSubkeys({ projectKey: storeProjectKey(options), sessionId });
  const ids: string[] = [];
  for (const subpath of subkeys) {
    const match = /^subagents\/agent-([\w-]+)$/.exec(subpath);
    if (match?.[1]) ids.push(match[1]);
  }
  return ids;
}

function fold(key: SessionKey, entries: SessionStoreEntry[], mtime: number): SessionSummaryEntry {
  return foldSessionSummary(undefined, key, entries, { mtime });
}

function lastTimestamp(entries: SessionStoreEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const t = Date.parse(entries[i]?.timestamp ?? '');
    if (!Number.isNaN(t)) return t;
  }
  return 0;
}

/**
 * A summary as `listSessions()` describes a session; `undefined` for a subagent's sidechain,
 * which is not a session of its own (kept when `asked` for by id).
 */
export function summaryToInfo(
  entry: SessionSummaryEntry,
  asked = false,
): SDKSessionInfo | undefined {
  const data = entry.data as SessionSummaryData;
  if (data.isSidechain === true && !asked) return undefined;
  const info: SDKSessionInfo = {
    sessionId: entry.sessionId,
    summary:
      data.customTitle ??
      data.aiTitle ??
      data.lastPrompt ??
      data.summaryHint ??
      data.firstPrompt ??
      '',
    lastModified: entry.mtime,
  };
  if (data.customTitle !== undefined) info.customTitle = data.customTitle;
  if (data.firstPrompt !== undefined) info.firstPrompt = data.firstPrompt;
  if (data.gitBranch !== undefined) info.gitBranch = data.gitBranch;
  if (data.cwd !== undefined) info.cwd = data.cwd;
  if (data.tag !== undefined) info.tag = data.tag;
  if (data.createdAt !== undefined) info.createdAt = data.createdAt;
  return info;
}
