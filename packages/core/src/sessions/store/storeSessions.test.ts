import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionNotFoundError } from '../../errors/SessionNotFoundError.js';
import { SessionStoreUnsupportedError } from '../../errors/SessionStoreUnsupportedError.js';
import { getSessionInfo, listSessions } from '../sessionInfo.js';
import {
  getSessionMessages,
  getSubagentMessages,
  listSubagents,
  readSession,
} from '../sessionMessages.js';
import { projectSlug } from '../sessionPaths.js';
import { FileSessionStore } from './FileSessionStore.js';
import { importSessionToStore } from './importSessionToStore.js';
import { InMemorySessionStore } from './InMemorySessionStore.js';
import type { SessionStore, SessionStoreEntry } from './SessionStore.js';

const A = '11111111-2222-4333-8444-000000000001';
const B = '11111111-2222-4333-8444-000000000002';
const C = '11111111-2222-4333-8444-000000000003';
const dir = '/nonexistent/agentsdk/app';
const projectKey = projectSlug(dir);

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

let n = 0;
const user = (sessionId: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'user',
  uuid: `u-${(n += 1)}`,
  parentUuid: null,
  sessionId,
  cwd: dir,
  timestamp: '2026-01-01T00:00:00.000Z',
  message: { role: 'user', content: text },
  ...extra,
});

/** Three sessions, appended A, B, C: C is a subagent's sidechain, B has titles. */
async function fill(store: SessionStore): Promise<void> {
  await store.append({ projectKey, sessionId: A }, [user(A, 'first of A')]);
  await store.append({ projectKey, sessionId: B }, [
    user(B, 'first of B'),
    { type: 'ai-title', aiTitle: 'Generated B' },
    { type: 'custom-title', customTitle: 'Named B' },
  ]);
  await store.append({ projectKey, sessionId: C }, [user(C, 'side', { isSidechain: true })]);
}

/** A store with only the required methods and `listSessions()`: helpers must load and fold. */
function withoutSummaries(inner: InMemorySessionStore): SessionStore {
  return {
    append: (key, entries) => inner.append(key, entries),
    load: (key) => inner.load(key),
    listSessions: (key) => inner.listSessions(key),
  };
}

describe('session helpers reading a sessionStore', () => {
  it('lists from summaries, or from listSessions() and load(), to the same result', async () => {
    const store = new InMemorySessionStore();
    await fill(store);
    const fromSummaries = await listSessions({ sessionStore: store, dir });
    expect(fromSummaries.map((s) => [s.sessionId, s.summary])).toEqual([
      [B, 'Named B'],
      [A, 'first of A'],
    ]);
    expect(fromSummaries[0]).toMatchObject({
      customTitle: 'Named B',
      firstPrompt: 'first of B',
      cwd: dir,
      createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
    });
    expect(fromSummaries[0]).not.toHaveProperty('file');
    expect(await listSessions({ sessionStore: withoutSummaries(store), dir })).toEqual(
      fromSummaries,
    );
    expect(
      (await listSessions({ sessionStore: store, dir, offset: 1, limit: 1 })).map(
        (s) => s.sessionId,
      ),
    ).toEqual([A]);
    expect(await listSessions({ sessionStore: store, dir: '/some/other/project' })).toEqual([]);
  });

  it('reloads a session whose summary is older than its transcript', async () => {
    const inner = new InMemorySessionStore();
    await fill(inner);
    const stale: SessionStore = {
      ...withoutSummaries(inner),
      // Summaries stuck at the first write: the listSessions() mtimes are newer.
      listSessionSummaries: async (key) =>
        (await inner.listSessionSummaries(key)).map((s) => ({ ...s, mtime: 0, data: {} })),
    };
    const sessions = await listSessions({ sessionStore: stale, dir });
    expect(sessions.map((s) => s.summary)).toEqual(['Named B', 'first of A']);
  });

  it('says what a store lacks, with a typed error', async () => {
    const bare: SessionStore = { append: async () => {}, load: async () => null };
    const error = await listSessions({ sessionStore: bare, dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionStoreUnsupportedError);
    expect(error).toMatchObject({
      code: 'SESSION_STORE_UNSUPPORTED',
      helper: 'listSessions',
      needs: 'listSessionSummaries() or listSessions()',
    });
    await expect(listSubagents(A, { sessionStore: bare, dir })).rejects.toThrow(
      /listSubagents\(\) cannot read from this session store: it does not implement listSubkeys\(\)/,
    );
    await expect(getSessionInfo(A, { sessionStore: bare, dir })).rejects.toThrow(
      SessionNotFoundError,
    );
  });

  it('gives one session info, and SessionNotFoundError for one the store does not hold', async () => {
    const store = new InMemorySessionStore();
    await fill(store);
    const [listed] = await listSessions({ sessionStore: store, dir, limit: 1 });
    expect(await getSessionInfo(B, { sessionStore: store, dir })).toEqual(listed);
    const missing = await getSessionInfo(A, { sessionStore: store, dir: '/other' }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(SessionNotFoundError);
    expect((missing as Error).message).toMatch(/session store \(project key -other\)/);
  });

  it('reads messages and subagents from a store as from the files they were imported from', async () => {
    const root = await mkdtemp(join(tmpdir(), 'agentsdk-store-sessions-'));
    roots.push(root);
    const configDir = join(root, 'config');
    const folder = join(configDir, 'projects', projectKey);
    await mkdir(join(folder, A, 'subagents'), { recursive: true });
    const lines = (entries: SessionStoreEntry[]) =>
      entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    const root1 = user(A, 'question');
    const answer = {
      type: 'assistant',
      uuid: 'a-1',
      parentUuid: root1.uuid,
      sessionId: A,
      message: { role: 'assistant', content: [{ type: 'text', text: 'answer' }] },
    };
    await writeFile(join(folder, `${A}.jsonl`), lines([root1, answer]));
    await writeFile(
      join(folder, A, 'subagents', 'agent-x1.jsonl'),
      lines([user(A, 'sub task', { isSidechain: true })]),
    );
    const store = new FileSessionStore(join(root, 'store'));
    await importSessionToStore(A, store, { configDir, dir });

    const fromFiles = await getSessionMessages(A, { configDir, dir });
    expect(fromFiles.map((m) => m.uuid)).toEqual([root1.uuid, 'a-1']);
    expect(await getSessionMessages(A, { sessionStore: store, dir })).toEqual(fromFiles);
    const paged: string[] = [];
    for await (const m of readSession(A, { sessionStore: store, dir, offset: 1 })) {
      paged.push(m.uuid);
    }
    expect(paged).toEqual(['a-1']);
    expect(await listSubagents(A, { sessionStore: store, dir })).toEqual(['x1']);
    expect(await getSubagentMessages(A, 'x1', { sessionStore: store, dir })).toEqual(
      await getSubagentMessages(A, 'x1', { configDir, dir }),
    );
    await expect(getSubagentMessages(A, 'nope', { sessionStore: store, dir })).rejects.toThrow(
      SessionNotFoundError,
    );
    const info = await getSessionInfo(A, { sessionStore: store, dir });
    const fileInfo = await getSessionInfo(A, { configDir, dir });
    expect(info).toEqual({
      sessionId: A,
      summary: 'question',
      lastModified: expect.any(Number) as number,
      firstPrompt: 'question',
      cwd: dir,
      createdAt: fileInfo.createdAt,
    });
    expect(fileInfo).toMatchObject({ summary: 'question', file: join(folder, `${A}.jsonl`) });
  });

  it('imports in batches of batchSize, and without subagents when includeSubagents is false', async () => {
    const root = await mkdtemp(join(tmpdir(), 'agentsdk-store-import-'));
    roots.push(root);
    const configDir = join(root, 'config');
    const folder = join(configDir, 'projects', projectKey);
    await mkdir(join(folder, A, 'subagents'), { recursive: true });
    const entries = [user(A, 'one'), user(A, 'two'), user(A, 'three')];
    await writeFile(
      join(folder, `${A}.jsonl`),
      entries.map((e) => `${JSON.stringify(e)}\n`).join(''),
    );
    await writeFile(
      join(folder, A, 'subagents', 'agent-x1.jsonl'),
      `${JSON.stringify(user(A, 'sub', { isSidechain: true }))}\n`,
    );
    const inner = new InMemorySessionStore();
    const calls: Array<{ subpath: string | undefined; size: number }> = [];
    const store: SessionStore = {
      append: (key, batch) => {
        calls.push({ subpath: key.subpath, size: batch.length });
        return inner.append(key, batch);
      },
      load: (key) => inner.load(key),
    };
    await importSessionToStore(A, store, { configDir, dir, batchSize: 2, includeSubagents: false });
    expect(calls).toEqual([
      { subpath: undefined, size: 2 },
      { subpath: undefined, size: 1 },
    ]);
    expect((await inner.load({ projectKey, sessionId: A }))?.map((e) => e.uuid)).toEqual(
      entries.map((e) => e.uuid),
    );
    await expect(importSessionToStore(A, store, { configDir, dir, batchSize: 0 })).rejects.toThrow(
      /batchSize` must be a positive integer/,
    );
  });
});
