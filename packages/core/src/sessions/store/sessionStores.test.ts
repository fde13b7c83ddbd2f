import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { TranscriptError } from '../../errors/TranscriptError.js';
import { FileSessionStore } from './FileSessionStore.js';
import { InMemorySessionStore } from './InMemorySessionStore.js';
import type { SessionStore } from './SessionStore.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});
async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'session-store-'));
  roots.push(root);
  return root;
}

const main = { projectKey: '-work-app', sessionId: 's1' };
const line = (uuid: string | undefined, text = uuid ?? 'x') => ({
  type: 'user',
  ...(uuid !== undefined ? { uuid } : {}),
  message: { role: 'user', content: text },
});

// The same contract for both stores.
describe.each([
  ['InMemorySessionStore', async (): Promise<SessionStore> => new InMemorySessionStore()],
  ['FileSessionStore', async (): Promise<SessionStore> => new FileSessionStore(await tempRoot())],
])('%s', (_name, make) => {
  it('gives back what was appended, in order, and null for a key never written', async () => {
    const store = await make();
    await store.append(main, [line('a'), line('b')]);
    await store.append(main, [line('c')]);
    expect(await store.load(main)).toEqual([line('a'), line('b'), line('c')]);
    expect(await store.load({ ...main, sessionId: 'other' })).toBeNull();
  });

  it('keeps the first copy of a uuid and every line without one', async () => {
    const store = await make();
    await store.append(main, [line('a'), line(undefined, 'tag')]);
    await store.append(main, [line('a', 'again'), line(undefined, 'tag'), line('b'), line('b')]);
    expect(await store.load(main)).toEqual([
      line('a'),
      line(undefined, 'tag'),
      line(undefined, 'tag'),
      line('b'),
    ]);
  });

  it('lists sessions and subkeys, and deletes a session with everything under it', async () => {
    const store = await make();
    await store.append(main, [line('a')]);
    await store.append({ ...main, subpath: 'subagents/agent-x' }, [line('s')]);
    await store.append({ ...main, sessionId: 's2' }, [line('b')]);
    const sessions = await store.listSessions!(main.projectKey);
    expect(sessions.map((s) => s.sessionId).sort()).toEqual(['s1', 's2']);
    expect(sessions.every((s) => Number.isInteger(s.mtime) && s.mtime > 0)).toBe(true);
    expect(await store.listSubkeys!(main)).toEqual(['subagents/agent-x']);
    await store.delete!(main);
    expect(await store.load(main)).toBeNull();
    expect(await store.load({ ...main, subpath: 'subagents/agent-x' })).toBeNull();
    expect(await store.listSubkeys!(main)).toEqual([]);
    expect(await store.load({ ...main, sessionId: 's2' })).toEqual([line('b')]);
  });

  it('keeps a summary per session inside append(), stamped with the listSessions() mtime', async () => {
    const store = await make();
    await store.append(main, [line('a', 'first'), { type: 'custom-title', customTitle: 'T1' }]);
    await store.append(main, [line('a', 'again'), { type: 'custom-title', customTitle: 'T2' }]);
    await store.append({ ...main, subpath: 'subagents/agent-x' }, [line('s', 'sub')]);
    await store.append({ ...main, sessionId: 's2' }, [line('b', 'other')]);
    const summaries = await store.listSessionSummaries!(main.projectKey);
    const listed = await store.listSessions!(main.projectKey);
    expect(summaries.map((s) => s.sessionId).sort()).toEqual(['s1', 's2']);
    for (const summary of summaries) {
      expect(summary.mtime).toBe(listed.find((s) => s.sessionId === summary.sessionId)?.mtime);
    }
    // The duplicate uuid was not stored, so it did not change the first prompt either.
    expect(summaries.find((s) => s.sessionId === 's1')?.data).toEqual({
      firstPrompt: 'first',
      customTitle: 'T2',
    });
    await store.delete!(main);
    expect((await store.listSessionSummaries!(main.projectKey)).map((s) => s.sessionId)).toEqual([
      's2',
    ]);
    expect(await store.listSessionSummaries!('-nothing-here')).toEqual([]);
  });

  it('folds overlapping appends of one session without losing either', async () => {
    const store = await make();
    await Promise.all([
      store.append(main, [{ type: 'custom-title', customTitle: 'T' }]),
      store.append(main, [{ type: 'tag', tag: 'red' }]),
      store.append(main, [{ type: 'ai-title', aiTitle: 'A' }]),
    ]);
    const [summary] = await store.listSessionSummaries!(main.projectKey);
    expect(summary?.data).toEqual({ customTitle: 'T', tag: 'red', aiTitle: 'A' });
  });

  it('stores a copy: changing an entry after append changes nothing stored', async () => {
    const store = await make();
    const entry = line('a');
    await store.append(main, [entry]);
    (entry.message as { content: string }).content = 'changed';
    expect(await store.load(main)).toEqual([line('a')]);
  });
});

describe('FileSessionStore', () => {
  it('lays transcripts out as the CLI does and reads the uuids of an existing file', async () => {
    const root = await tempRoot();
    await new FileSessionStore(root).append(main, [line('a')]);
    await new FileSessionStore(root).append({ ...main, subpath: 'subagents/agent-x' }, [line('s')]);
    // A second instance (another run of the host) still skips a uuid already in the file.
    await new FileSessionStore(root).append(main, [line('a'), line('b')]);
    const text = await readFile(join(root, '-work-app', 's1.jsonl'), 'utf8');
    expect(text).toBe(`${JSON.stringify(line('a'))}\n${JSON.stringify(line('b'))}\n`);
    expect(
      await readFile(join(root, '-work-app', 's1', 'subagents', 'agent-x.jsonl'), 'utf8'),
    ).toBe(`${JSON.stringify(line('s'))}\n`);
  });

  it('refuses a key that would leave its folder, naming it', async () => {
    const store = new FileSessionStore(await tempRoot());
    await expect(store.append({ projectKey: '..', sessionId: 's' }, [])).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(store.load({ ...main, subpath: '../../etc/passwd' })).rejects.toThrow(
      /key\.subpath.*"\.\.\/\.\.\/etc\/passwd"/,
    );
    await expect(store.load({ projectKey: 'p', sessionId: 'a/b' })).rejects.toThrow(/sessionId/);
  });

  it('reports a stored line that is not JSON with file and line', async () => {
    const root = await tempRoot();
    const store = new FileSessionStore(root);
    await store.append(main, [line('a')]);
    await writeFile(
      join(root, '-work-app', 's1.jsonl'),
      `${JSON.stringify(line('a'))}\nnot json\n{}\n`,
    );
    const error = await store.load(main).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).line).toBe(2);
  });

  it('builds the summary of a transcript written before summaries were kept from the whole file', async () => {
    const root = await tempRoot();
    await mkdir(join(root, '-work-app'), { recursive: true });
    await writeFile(join(root, '-work-app', 's1.jsonl'), `${JSON.stringify(line('a', 'early'))}\n`);
    const store = new FileSessionStore(root);
    await store.append(main, [{ type: 'tag', tag: 'late' }]);
    const [summary] = await store.listSessionSummaries!(main.projectKey);
    expect(summary?.data).toEqual({ firstPrompt: 'early', tag: 'late' });
    expect(await store.listSubkeys!(main)).toEqual([]);
  });

  it('needs a root folder', () => {
    expect(() => new FileSessionStore('')).toThrow(InvalidArgumentError);
  });
});
