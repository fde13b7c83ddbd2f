import {
  appendFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { transcriptLines } from '../transcriptLines.js';
import type { SessionKey, SessionStore, SessionStoreEntry } from './SessionStore.js';
import { foldSessionSummary, type SessionSummaryEntry } from './sessionSummary.js';
import { isSafeSubpath, keyString } from './storeKeys.js';

const SUMMARY_SUFFIX = '.summary.json';

/**
 * A `SessionStore` in a folder, laid out as the CLI lays out `projects/`:
 * `<root>/<projectKey>/<sessionId>.jsonl` and `<root>/<projectKey>/<sessionId>/<subpath>.jsonl`,
 * with each session's summary beside it in `<sessionId>.summary.json`.
 * Point it at a shared or persistent volume to keep sessions when the CLI's config dir is
 * thrown away. One writer per folder: appends are serialised within this process only.
 */
export class FileSessionStore implements SessionStore {
  /** The uuids already in each file this process appended to (read once, on the first append). */
  private readonly seen = new Map<string, Set<string>>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(readonly root: string) {
    if (typeof root !== 'string' || root === '') {
      throw new InvalidArgumentError('FileSessionStore', 'root', 'must be a folder path');
    }
  }

  append(key: SessionKey, entries: SessionStoreEntry[]): Promise<void> {
    let file: string;
    try {
      file = this.file('append', key);
    } catch (error) {
      return Promise.reject(error);
    }
    const id = keyString(key);
    // Serialised per transcript: a second append must see the uuids the first one wrote.
    const run = (this.queues.get(id) ?? Promise.resolve()).then(() =>
      this.write(file, entries, key.subpath === undefined ? key : undefined),
    );
    const settled = run.catch(() => {});
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return run;
  }

  async load(key: SessionKey): Promise<SessionStoreEntry[] | null> {
    const file = this.file('load', key);
    if (!(await isFile(file))) return null;
    const entries: SessionStoreEntry[] = [];
    for await (const { entry } of transcriptLines(file)) entries.push(entry as SessionStoreEntry);
    return entries;
  }

  async listSessions(projectKey: string): Promise<{ sessionId: string; mtime: number }[]> {
    const dir = join(this.root, checkPart('listSessions', 'projectKey', projectKey));
    const names = await readdir(dir).catch(() => []);
    const sessions: { sessionId: string; mtime: number }[] = [];
    for (const name of names) {
      if (!name.endsWith('.jsonl')) continue;
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info?.isFile()) {
        sessions.push({
          sessionId: name.slice(0, -'.jsonl'.length),
          mtime: Math.floor(info.mtimeMs),
        });
      }
    }
    return sessions;
  }

  async listSessionSummaries(projectKey: string): Promise<SessionSummaryEntry[]> {
    const dir = join(this.root, checkPart('listSessionSummaries', 'projectKey', projectKey));
    const names = await readdir(dir).catch(() => []);
    const summaries: SessionSummaryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(SUMMARY_SUFFIX)) continue;
      const summary = await readSummary(join(dir, name));
      if (summary) summaries.push(summary);
    }
    return summaries;
  }

  async listSubkeys(key: { projectKey: string; sessionId: string }): Promise<string[]> {
    const dir = join(
      this.root,
      checkPart('listSubkeys', 'projectKey', key.projectKey),
      checkPart('listSubkeys', 'sessionId', key.sessionId),
    );
    const files = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return files
      .filter((f) => f.isFile() && f.name.endsWith('.jsonl'))
      .map((f) => relative(dir, join(f.parentPath, f.name)).split(sep).join('/'))
      .map((path) => path.slice(0, -'.jsonl'.length))
      .sort();
  }

  async delete(key: SessionKey): Promise<void> {
    const file = this.file('delete', key);
    await rm(file, { force: true });
    this.seen.delete(file);
    if (key.subpath === undefined) {
      await rm(summaryFile(file), { force: true });
      const folder = file.slice(0, -'.jsonl'.length);
      await rm(folder, { recursive: true, force: true });
      for (const known of [...this.seen.keys()]) {
        if (known.startsWith(folder + sep)) this.seen.delete(known);
      }
    }
  }

  /** `main` is set for a session's main transcript, whose summary is kept beside it. */
  private async write(
    file: string,
    entries: SessionStoreEntry[],
    main: SessionKey | undefined,
  ): Promise<void> {
    let uuids = this.seen.get(file);
    if (!uuids) {
      uuids = new Set();
      if (await isFile(file)) {
        for await (const { entry } of transcriptLines(file)) {
          if (typeof entry.uuid === 'string') uuids.add(entry.uuid);
        }
      }
      this.seen.set(file, uuids);
    }
    const lines: string[] = [];
    const kept: SessionStoreEntry[] = [];
    const added: string[] = [];
    for (const entry of entries) {
      if (typeof entry.uuid === 'string') {
        if (uuids.has(entry.uuid) || added.includes(entry.uuid)) continue;
        added.push(entry.uuid);
      }
      lines.push(`${JSON.stringify(entry)}\n`);
      kept.push(entry);
    }
    if (lines.length === 0) return;
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, lines.join(''), { mode: 0o600 });
    for (const uuid of added) uuids.add(uuid);
    if (main) await this.updateSummary(file, main, kept);
  }

  /**
   * Fold the lines just written into the summary file, stamped with the transcript's own mtime
   * (the clock `listSessions()` reports). Runs inside the session's append queue, so folds of
   * one session never overlap; written to a temporary file and renamed, so a reader never sees
   * half of one.
   */
  private async updateSummary(
    file: string,
    key: SessionKey,
    entries: SessionStoreEntry[],
  ): Promise<void> {
    const target = summaryFile(file);
    const prev = await readSummary(target);
    const mtime = Math.floor((await stat(file)).mtimeMs);
    let next: SessionSummaryEntry;
    if (prev) {
      next = foldSessionSummary(prev, key, entries, { mtime });
    } else {
      // No summary yet (a new session, or one written before summaries were kept): fold the
      // whole transcript once, so what was there before this append is not missed.
      next = foldSessionSummary(undefined, key, [], { mtime });
      for await (const { entry } of transcriptLines(file)) {
        next = foldSessionSummary(next, key, [entry as SessionStoreEntry]);
      }
    }
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(next), { mode: 0o600 });
    await rename(temporary, target);
  }

  private file(method: string, key: SessionKey): string {
    const project = checkPart(method, 'projectKey', key.projectKey);
    const session = checkPart(method, 'sessionId', key.sessionId);
    if (key.subpath === undefined) return join(this.root, project, `${session}.jsonl`);
    if (!isSafeSubpath(key.subpath)) {
      throw new InvalidArgumentError(
        method,
        'key.subpath',
        `must be a relative path inside the session's folder (got ${JSON.stringify(key.subpath)})`,
      );
    }
    return join(this.root, project, session, `${key.subpath}.jsonl`);
  }
}

/** One path segment, so a key can never reach outside `root`. */
function checkPart(method: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || !isSafeSubpath(value) || value.includes('/')) {
    throw new InvalidArgumentError(
      method,
      `key.${name}`,
      `must be one folder name without "/" or ".." (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

function summaryFile(transcript: string): string {
  return `${transcript.slice(0, -'.jsonl'.length)}${SUMMARY_SUFFIX}`;
}

/** A summary file, or `undefined` when it is missing or not one (it is then rebuilt by readers). */
async function readSummary(file: string): Promise<SessionSummaryEntry | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<SessionSummaryEntry>;
    if (
      typeof value.sessionId === 'string' &&
      typeof value.mtime === 'number' &&
      typeof value.data === 'object' &&
      value.data !== null
    ) {
      return value as SessionSummaryEntry;
    }
  } catch {
    // missing or torn
  }
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
