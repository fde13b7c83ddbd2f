import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InMemorySessionStore } from './InMemorySessionStore.js';
import type { SessionKey, SessionStoreEntry } from './SessionStore.js';
import { TranscriptMirror, type MirrorFailure } from './TranscriptMirror.js';

const projects = '/cfg/projects';
const sessionFile = join(projects, '-work-app', 's1.jsonl');
const entry = (uuid: string): SessionStoreEntry => ({ type: 'user', uuid });

function setup(mode: 'batched' | 'eager' = 'batched', store = new InMemorySessionStore()) {
  const failures: MirrorFailure[] = [];
  const mirror = new TranscriptMirror(store, projects, mode, (f) => failures.push(f), 50);
  return { store, mirror, failures };
}

describe('TranscriptMirror', () => {
  it('keys frames by project, session and subagent path, and appends them at the end of a turn', async () => {
    const { store, mirror, failures } = setup();
    mirror.enqueue({ type: 'transcript_mirror', filePath: sessionFile, entries: [entry('a')] });
    mirror.enqueue({ type: 'transcript_mirror', filePath: sessionFile, entries: [entry('b')] });
    mirror.enqueue({
      type: 'transcript_mirror',
      filePath: join(projects, '-work-app', 's1', 'subagents', 'agent-x.jsonl'),
      entries: [entry('s')],
    });
    expect(store.size).toBe(0); // batched: nothing until the turn ends
    mirror.turnEnded();
    await mirror.flush();
    const main: SessionKey = { projectKey: '-work-app', sessionId: 's1' };
    expect(store.entries(main)).toEqual([entry('a'), entry('b')]);
    expect(store.entries({ ...main, subpath: 'subagents/agent-x' })).toEqual([entry('s')]);
    expect(failures).toEqual([]);
  });

  it('appends at once in eager mode', async () => {
    let appended = 0;
    const store = new InMemorySessionStore();
    const append = store.append.bind(store);
    store.append = async (key, entries) => {
      appended += 1;
      await append(key, entries);
    };
    const { mirror } = setup('eager', store);
    mirror.enqueue({ type: 'transcript_mirror', filePath: sessionFile, entries: [entry('a')] });
    await mirror.flush();
    expect(appended).toBe(1);
  });

  it('reports, once, a path outside the projects folder, and a malformed frame', async () => {
    const { store, mirror, failures } = setup();
    for (let i = 0; i < 2; i++) {
      mirror.enqueue({ type: 'transcript_mirror', filePath: '/elsewhere/p/s.jsonl', entries: [] });
    }
    mirror.enqueue({ type: 'transcript_mirror', entries: 'nope' });
    await mirror.flush();
    expect(store.size).toBe(0);
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/\/elsewhere\/p\/s\.jsonl, outside \/cfg\/projects: not mirrored/),
      expect.stringMatching(/without filePath or entries/),
    ]);
  });

  it('retries a failing append, then drops the batch and says how many lines were lost', async () => {
    const store = new InMemorySessionStore();
    let calls = 0;
    store.append = () => {
      calls += 1;
      throw new Error('disk full');
    };
    const { mirror, failures } = setup('batched', store);
    mirror.enqueue({
      type: 'transcript_mirror',
      filePath: sessionFile,
      entries: [entry('a'), entry('b')],
    });
    await mirror.flush();
    expect(calls).toBe(3);
    expect(failures).toEqual([
      {
        key: { projectKey: '-work-app', sessionId: 's1' },
        message: expect.stringMatching(/failed 3 times \(disk full\); 2 line\(s\) were not stored/),
      },
    ]);
  });

  it('gives up on an append that never settles, without retrying it', async () => {
    const store = new InMemorySessionStore();
    let calls = 0;
    store.append = () => {
      calls += 1;
      return new Promise(() => {});
    };
    const { mirror, failures } = setup('batched', store);
    mirror.enqueue({ type: 'transcript_mirror', filePath: sessionFile, entries: [entry('a')] });
    await mirror.flush();
    expect(calls).toBe(1);
    expect(failures[0]?.message).toMatch(/did not settle within 50 ms/);
  });
});
