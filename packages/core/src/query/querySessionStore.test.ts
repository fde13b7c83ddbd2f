import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerInitialize, FakeTransport } from '../../test/FakeTransport.js';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import type { SDKWarning } from '../options/ClaudeAgentOptions.js';
import { projectSlug } from '../sessions/sessionPaths.js';
import { InMemorySessionStore } from '../sessions/store/InMemorySessionStore.js';
import { buildArgs } from '../transport/buildArgs.js';
import { query } from './query.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

const sessionId = '11111111-2222-4333-8444-555555555555';
const cwd = process.cwd();
const projectKey = projectSlug(cwd);
const line = (uuid: string) => ({ type: 'user', uuid, sessionId });

/** A CLI started with --session-mirror: it reports each transcript write before the result. */
function mirroringCli(configDir: string) {
  const file = join(configDir, 'projects', projectKey, `${sessionId}.jsonl`);
  return (message: Record<string, unknown>, fake: FakeTransport): void => {
    answerInitialize(message, fake);
    if (message.type !== 'user') return;
    fake.emit({ type: 'system', subtype: 'init', session_id: sessionId, uuid: 'i' });
    fake.emit({ type: 'transcript_mirror', filePath: file, entries: [line('u1')] });
    fake.emit({ type: 'transcript_mirror', filePath: file, entries: [line('a1')] });
    fake.emit({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'done',
      session_id: sessionId,
      uuid: 'r',
    });
  };
}

async function configDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'query-store-'));
  roots.push(dir);
  return dir;
}

describe('query() with a sessionStore', () => {
  it('copies the mirrored lines into the store by the time the loop ends, and yields none of them', async () => {
    const dir = await configDir();
    const store = new InMemorySessionStore();
    const types: string[] = [];
    for await (const m of query({
      prompt: 'hi',
      options: { sessionStore: store, env: { CLAUDE_CONFIG_DIR: dir }, cwd },
      transport: new FakeTransport(mirroringCli(dir)),
    })) {
      types.push(m.type);
    }
    expect(types).toEqual(['system', 'result']);
    expect(store.entries({ projectKey, sessionId })).toEqual([line('u1'), line('a1')]);
  });

  it('reports a store that keeps failing as a mirror_error message and a warning, and the turn still completes', async () => {
    const dir = await configDir();
    const store = new InMemorySessionStore();
    store.append = () => Promise.reject(new Error('quota exceeded'));
    const warnings: SDKWarning[] = [];
    const messages: SDKMessage[] = [];
    for await (const m of query({
      prompt: 'hi',
      options: {
        sessionStore: store,
        sessionStoreFlush: 'eager',
        env: { CLAUDE_CONFIG_DIR: dir },
        onWarning: (w) => warnings.push(w),
      },
      transport: new FakeTransport(mirroringCli(dir)),
    })) {
      messages.push(m);
    }
    expect(messages.map((m) => m.type)).toContain('result');
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'system',
        subtype: 'mirror_error',
        key: { projectKey, sessionId },
        error: expect.stringMatching(/quota exceeded/),
      }),
    );
    expect(warnings.map((w) => w.code)).toContain('SESSION_STORE');
  });

  it('restores the session from the store before resuming when the CLI has no local copy', async () => {
    const dir = await configDir();
    const store = new InMemorySessionStore();
    await store.append({ projectKey, sessionId }, [line('old')]);
    const fake = new FakeTransport(mirroringCli(dir));
    for await (const m of query({
      prompt: 'again',
      options: { sessionStore: store, resume: sessionId, env: { CLAUDE_CONFIG_DIR: dir } },
      transport: fake,
    })) {
      void m;
    }
    const restored = join(dir, 'projects', projectKey, `${sessionId}.jsonl`);
    expect(await readFile(restored, 'utf8')).toBe(`${JSON.stringify(line('old'))}\n`);
    expect(store.entries({ projectKey, sessionId })).toEqual([line('old'), line('u1'), line('a1')]);
  });

  it('asks the CLI for mirror frames, and refuses persistSession: false', () => {
    expect(buildArgs({ sessionStore: new InMemorySessionStore() })).toContain('--session-mirror');
    expect(buildArgs({})).not.toContain('--session-mirror');
    expect(() =>
      query({
        prompt: 'x',
        options: { sessionStore: new InMemorySessionStore(), persistSession: false },
      }),
    ).toThrow(InvalidOptionsError);
    expect(() => query({ prompt: 'x', options: { sessionStore: {} as never } })).toThrow(
      /sessionStore: expected a SessionStore/,
    );
  });
});
