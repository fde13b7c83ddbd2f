import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { findSessionFile, type SessionLocationOptions } from '../sessionPaths.js';
import { transcriptLines } from '../transcriptLines.js';
import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';

/** Lines per `append()` call by default, so a long transcript never sits in memory whole. */
const BATCH = 500;

/** Where the session is (`dir`, `configDir`) and how to copy it. */
export interface ImportSessionToStoreOptions extends SessionLocationOptions {
  /** Also copy the session's subagent transcripts. Default: true. */
  includeSubagents?: boolean;
  /** Most entries per `store.append()` call (a backend's payload limit). Default: 500. */
  batchSize?: number;
}

/**
 * Copy a session the CLI wrote locally (and its subagent transcripts) into a store, for sessions
 * that ran without `sessionStore`. Safe to repeat: stores keep the first copy of each `uuid`.
 */
export async function importSessionToStore(
  sessionId: string,
  store: SessionStore,
  options: ImportSessionToStoreOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(
      'importSessionToStore',
      'batchSize',
      'must be a positive integer',
    );
  }
  const { file, projectDir } = await findSessionFile('importSessionToStore', sessionId, options);
  const projectKey = basename(projectDir);
  const folder = join(projectDir, sessionId);
  const subFiles = (
    options.includeSubagents === false
      ? []
      : await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  )
    .filter((f) => f.isFile() && f.name.endsWith('.jsonl'))
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const sub of subFiles) {
    const subpath = relative(folder, sub).split(sep).join('/').slice(0, -'.jsonl'.length);
    await copy(sub, store, { projectKey, sessionId, subpath }, batchSize);
  }
  await copy(file, store, { projectKey, sessionId }, batchSize);
}

async function copy(
  file: string,
  store: SessionStore,
  key: SessionKey,
  batchSize: number,
): Promise<void> {
  let batch: SessionStoreEntry[] = [];
  for await (const { entry } of transcriptLines(file)) {
    batch.push(entry as SessionStoreEntry);
    if (batch.length >= batchSize) {
      await store.append(key, batch);
      batch = [];
    }
  }
  if (batch.length) await store.append(key, batch);
}
