import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { findSessionFile, projectDirs } from './sessionPaths.js';
import { foldSessionSummary } from './store/sessionSummary.js';
import type { SessionStoreEntry } from './store/SessionStore.js';
import {
  listStoreSessions,
  storeSessionInfo,
  summaryToInfo,
  type SessionSourceOptions,
} from './store/storeSessions.js';
import type { SDKSessionInfo } from './types.js';

export interface ListSessionsOptions extends SessionSourceOptions {
  /** Newest first; at most this many. */
  limit?: number;
  offset?: number;
  /** Include archived sessions (default false; a store has no archive mark). */
  includeArchived?: boolean;
}

/** Head and tail are enough for the metadata; the middle of a long transcript is never read. */
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 64 * 1024;

/**
 * Sessions where the CLI keeps them, newest first, read from each file's head and tail only; or,
 * with `sessionStore`, from the store's summaries (one call) or, without them, its transcripts.
 */
export async function listSessions(options: ListSessionsOptions = {}): Promise<SDKSessionInfo[]> {
  const { limit, offset = 0 } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new InvalidArgumentError('listSessions', 'limit', 'must be an integer ≥ 0');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('listSessions', 'offset', 'must be an integer ≥ 0');
  }
  if (options.sessionStore) {
    const sessions = await listStoreSessions(options.sessionStore, options);
    sessions.sort((a, b) => b.lastModified - a.lastModified);
    return sessions.slice(offset, limit === undefined ? undefined : offset + limit);
  }
  const files: Array<{ file: string; mtime: number; size: number }> = [];
  for (const dir of await projectDirs(options)) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.jsonl')) continue;
      const file = join(dir, name);
      try {
        const s = await stat(file);
        if (s.isFile() && s.size > 0) files.push({ file, mtime: s.mtimeMs, size: s.size });
      } catch {
        // removed meanwhile
      }
    }
  }
  files.sort((a, b) => b.mtime - a.mtime);
  const out: SDKSessionInfo[] = [];
  let skipped = 0;
  for (const f of files) {
    if (limit !== undefined && out.length >= limit) break;
    const info = await describe(f.file, f.mtime, f.size);
    if (!info || (info.archived && !options.includeArchived)) continue;
    if (skipped++ < offset) continue;
    out.push(info);
  }
  return out;
}

/** One session's metadata; `SessionNotFoundError` for an unknown id. */
export async function getSessionInfo(
  sessionId: string,
  options: SessionSourceOptions = {},
): Promise<SDKSessionInfo> {
  if (options.sessionStore) return storeSessionInfo(options.sessionStore, sessionId, options);
  const { file } = await findSessionFile('getSessionInfo', sessionId, options);
  const s = await stat(file);
  const info = await describe(file, s.mtimeMs, s.size);
  return info ?? { sessionId, summary: '', lastModified: s.mtimeMs, fileSize: s.size, file };
}

async function describe(
  file: string,
  lastModified: number,
  fileSize: number,
): Promise<SDKSessionInfo | undefined> {
  const sessionId = basename(file, '.jsonl');
  const { head, tail } = await headAndTail(file, fileSize);
  // The same fold a store keeps: what comes first from the head, what changes from the tail.
  const summary = foldSessionSummary(
    undefined,
    { projectKey: basename(dirname(file)), sessionId },
    [...entries(head), ...entries(tail)] as SessionStoreEntry[],
    { mtime: lastModified },
  );
  const info = summaryToInfo(summary, true);
  if (!info) return undefined;
  Object.assign(info, { fileSize, file });
  const archived = await readArchived(file);
  if (archived !== undefined) info.archived = archived;
  return info;
}

async function headAndTail(file: string, size: number): Promise<{ head: string; tail: string }> {
  const handle = await open(file, 'r');
  try {
    const read = async (position: number, length: number): Promise<string> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead).toString('utf8');
    };
    if (size <= HEAD_BYTES + TAIL_BYTES) return { head: await read(0, size), tail: '' };
    return { head: await read(0, HEAD_BYTES), tail: await read(size - TAIL_BYTES, TAIL_BYTES) };
  } finally {
    await handle.close();
  }
}

/** Whole JSON lines of a chunk; a line cut by the chunk edge is skipped. */
function* entries(chunk: string): Generator<Record<string, unknown>> {
  for (const line of chunk.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null) yield value as Record<string, unknown>;
    } catch {
      // cut at the edge of the chunk
    }
  }
}

/** `<project>/<session>/archived.json`, where the official SDK records archiving. */
export function archivedFile(file: string): string {
  return join(file.slice(0, -'.jsonl'.length), 'archived.json');
}

async function readArchived(file: string): Promise<boolean | undefined> {
  try {
    const value = JSON.parse(await readFile(archivedFile(file), 'utf8')) as { archived?: unknown };
    return typeof value.archived === 'boolean' ? value.archived : undefined;
  } catch {
    return undefined;
  }
}
