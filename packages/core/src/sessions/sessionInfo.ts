import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { findSessionFile, projectDirs, type SessionLocationOptions } from './sessionPaths.js';
import type { SDKSessionInfo } from './types.js';

export interface ListSessionsOptions extends SessionLocationOptions {
  /** Newest first; at most this many. */
  limit?: number;
  offset?: number;
  /** Include archived sessions (default false). */
  includeArchived?: boolean;
}

/** Head and tail are enough for the metadata; the middle of a long transcript is never read. */
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 64 * 1024;

/** Sessions where the CLI keeps them, newest first, read from each file's head and tail only. */
export async function listSessions(options: ListSessionsOptions = {}): Promise<SDKSessionInfo[]> {
  const { limit, offset = 0 } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new InvalidArgumentError('listSessions', 'limit', 'must be an integer ≥ 0');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('listSessions', 'offset', 'must be an integer ≥ 0');
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
  options: SessionLocationOptions = {},
): Promise<SDKSessionInfo> {
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
  const info: SDKSessionInfo = { sessionId, summary: '', lastModified, fileSize, file };
  let summary: string | undefined;
  // Later entries win: titles and tags are appended again when changed.
  for (const entry of [...entries(head), ...entries(tail)]) {
    switch (entry.type) {
      case 'custom-title':
        if (typeof entry.customTitle === 'string') info.customTitle = entry.customTitle;
        break;
      case 'tag':
        if (typeof entry.tag === 'string') {
          if (entry.tag === '') delete info.tag;
          else info.tag = entry.tag;
        }
        break;
      case 'summary':
        if (typeof entry.summary === 'string') summary = entry.summary;
        break;
      case 'user':
        if (info.firstPrompt === undefined && entry.isSidechain !== true) {
          const text = promptText(entry.message);
          if (text) info.firstPrompt = text;
        }
        break;
    }
    if (info.cwd === undefined && typeof entry.cwd === 'string') info.cwd = entry.cwd;
    if (typeof entry.gitBranch === 'string') info.gitBranch = entry.gitBranch;
    if (info.createdAt === undefined && typeof entry.timestamp === 'string') {
      const t = Date.parse(entry.timestamp);
      if (!Number.isNaN(t)) info.createdAt = t;
    }
  }
  info.summary = info.customTitle ?? summary ?? info.firstPrompt ?? '';
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

function promptText(message: unknown): string | undefined {
  const content = (message as { content?: unknown } | undefined)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  for (const block of content as Array<{ type?: unknown; text?: unknown }>) {
    if (block.type === 'text' && typeof block.text === 'string') return block.text;
  }
  return undefined;
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
