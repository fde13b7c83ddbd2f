import { promptText } from '../promptText.js';
import type { SessionKey, SessionStoreEntry } from './SessionStore.js';

/**
 * What a store keeps per session so `listSessions({ sessionStore })` needs one call per project
 * instead of loading every transcript. Built by `foldSessionSummary()` inside `append()`.
 */
export interface SessionSummaryEntry {
  sessionId: string;
  /**
   * When the store last wrote this session, in ms since the epoch, from the same clock as the
   * store's `listSessions()` mtime (never from the entries' timestamps, which may lag a batch).
   */
  mtime: number;
  /** Owned by `foldSessionSummary()`: store it as given, do not read or change it. */
  data: Record<string, unknown>;
}

/** The summary fields, as `foldSessionSummary()` keeps them in `data`. */
export interface SessionSummaryData {
  isSidechain?: boolean;
  /** ms since the epoch, from the first timestamped entry. */
  createdAt?: number;
  cwd?: string;
  firstPrompt?: string;
  customTitle?: string;
  aiTitle?: string;
  lastPrompt?: string;
  /** The CLI's own `summary` entry. */
  summaryHint?: string;
  gitBranch?: string;
  tag?: string;
}

/** Later entries overwrite these: the CLI appends a title or tag again when it changes. */
const LAST_WINS: ReadonlyArray<[entryType: string, field: string, into: keyof SessionSummaryData]> =
  [
    ['custom-title', 'customTitle', 'customTitle'],
    ['ai-title', 'aiTitle', 'aiTitle'],
    ['last-prompt', 'lastPrompt', 'lastPrompt'],
    ['summary', 'summary', 'summaryHint'],
    ['tag', 'tag', 'tag'],
  ];

/**
 * Fold one appended batch into a session's summary; pure, so a store can call it inside
 * `append()` and persist the result. What is seen first stays (`isSidechain`, `createdAt`, `cwd`,
 * `firstPrompt`); titles, prompts, the CLI's summary, the git branch and the tag follow the
 * latest entry. `options.mtime` is the store's write time; without it `prev.mtime` is kept.
 * A store whose appends can overlap must serialise them per session around this call.
 */
export function foldSessionSummary(
  prev: SessionSummaryEntry | undefined,
  key: SessionKey,
  entries: SessionStoreEntry[],
  options: { mtime?: number } = {},
): SessionSummaryEntry {
  const data: SessionSummaryData = { ...(prev?.data as SessionSummaryData | undefined) };
  for (const entry of entries) {
    if (data.isSidechain === undefined && typeof entry.isSidechain === 'boolean') {
      data.isSidechain = entry.isSidechain;
    }
    if (data.createdAt === undefined && typeof entry.timestamp === 'string') {
      const t = Date.parse(entry.timestamp);
      if (!Number.isNaN(t)) data.createdAt = t;
    }
    if (data.cwd === undefined && typeof entry.cwd === 'string') data.cwd = entry.cwd;
    if (
      data.firstPrompt === undefined &&
      entry.type === 'user' &&
      entry.isSidechain !== true &&
      entry.isMeta !== true
    ) {
      const text = promptText(entry.message);
      if (text) data.firstPrompt = text;
    }
    if (typeof entry.gitBranch === 'string') data.gitBranch = entry.gitBranch;
    for (const [type, field, into] of LAST_WINS) {
      const value = entry[field];
      if (entry.type !== type || typeof value !== 'string') continue;
      // An empty tag is how the CLI clears one.
      if (into === 'tag' && value === '') delete data.tag;
      else data[into] = value as never;
    }
  }
  return {
    sessionId: prev?.sessionId ?? key.sessionId,
    mtime: options.mtime ?? prev?.mtime ?? 0,
    data: data as Record<string, unknown>,
  };
}
