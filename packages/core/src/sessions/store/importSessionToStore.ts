import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { findSessionFile, type SessionLocationOptions } from '../sessionPaths.js';
import { transcriptLines } from '../transcriptLines.js';
import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';

/** Lines per `append()` call, so a long transcript never sits in memory whole. */
const BATCH = 500;

/**
 * Copy a session the CLI wrote locally (and its subagent transcripts) into a store, for sessions
 * that ran without `sessionStore`. Safe to repeat: stores keep the first copy of each `uuid`.
 */
export async function importSessionToStore(
  sessionId: string,
  store: SessionStore,
  options: SessionLocationOptions = {},
): Promise<void> {
  const { file, projectDir } = await findSessionFile('importSessionToStore', sessionId, options);
  const projectKey = basename(projectDir);
  const folder = join(projectDir, sessionId);
  const subFiles = (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((f) => f.isFile() && f.name.endsWith('.jsonl'))
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const sub of subFiles) {
    const subpath = relative(folder, sub).split(sep).join('/').slice(0, -'.jsonl'.length);
    await copy(sub, store, { projectKey, sessionId, subpath });
  }
  await copy(file, store, { projectKey, sessionId });
}

async function copy(file: string, store: SessionStore, key: SessionKey): Promise<void> {
  let batch: SessionStoreEntry[] = [];
  for await (const { entry } of transcriptLines(file)) {
    batch.push(entry as SessionStoreEntry);
    if (batch.length >= BATCH) {
      await store.append(key, batch);
      batch = [];
    }
  }
  if (batch.length) await store.append(key, batch);
}
