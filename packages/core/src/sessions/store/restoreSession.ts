import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SessionNotFoundError } from '../../errors/SessionNotFoundError.js';
import { SessionStoreError } from '../../errors/SessionStoreError.js';
import { projectSlug } from '../sessionPaths.js';
import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';
import { isSafeSubpath } from './storeKeys.js';

export const DEFAULT_LOAD_TIMEOUT_MS = 60_000;

export interface RestoreParams {
  store: SessionStore;
  sessionId: string;
  /** The query's cwd: the project the CLI will look in. */
  cwd: string;
  /** The CLI's `projects/` folder (`cliProjectsDir()`). */
  projectsDir: string;
  timeoutMs?: number;
}

/**
 * Before `resume`: when the CLI has no local transcript of the session, write the store's copy
 * (and its subagent transcripts) where the CLI will look. A local transcript is left alone: the
 * store only mirrors it, so it is at least as complete.
 */
export async function restoreSession(params: RestoreParams): Promise<'local' | 'restored'> {
  const { store, sessionId, projectsDir } = params;
  const projectKey = projectSlug(params.cwd);
  const projectDir = join(projectsDir, projectKey);
  const file = join(projectDir, `${sessionId}.jsonl`);
  if (await exists(file)) return 'local';
  const timeoutMs = params.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const call = <T>(what: string, work: () => Promise<T>): Promise<T> =>
    bounded(sessionId, what, work, timeoutMs);

  const main = await call('load()', () => store.load({ projectKey, sessionId }));
  if (main === null || main.length === 0) {
    throw new SessionNotFoundError(sessionId, `the session store (project key ${projectKey})`);
  }
  const subkeys = store.listSubkeys
    ? await call('listSubkeys()', () => store.listSubkeys!({ projectKey, sessionId }))
    : [];
  const subs: { subpath: string; entries: SessionStoreEntry[] }[] = [];
  for (const subpath of subkeys) {
    // A store is outside our control: never let a key write outside the session's folder.
    if (!isSafeSubpath(subpath)) continue;
    const key: SessionKey = { projectKey, sessionId, subpath };
    const entries = await call(`load(${subpath})`, () => store.load(key));
    if (entries?.length) subs.push({ subpath, entries });
  }
  // Subagent transcripts first: the main file is what makes the session visible to the CLI.
  for (const { subpath, entries } of subs) {
    await writeTranscript(join(projectDir, sessionId, `${subpath}.jsonl`), entries);
  }
  await writeTranscript(file, main);
  return 'restored';
}

async function writeTranscript(file: string, entries: SessionStoreEntry[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  await writeFile(file, text, { mode: 0o600, flag: 'wx' });
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function bounded<T>(
  sessionId: string,
  what: string,
  work: () => Promise<T>,
  ms: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SessionStoreError(sessionId, `SessionStore.${what} did not settle within ${ms} ms`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } catch (error) {
    if (error instanceof SessionStoreError || error instanceof SessionNotFoundError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SessionStoreError(sessionId, `SessionStore.${what} failed (${message})`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
