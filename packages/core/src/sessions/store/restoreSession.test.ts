import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionNotFoundError } from '../../errors/SessionNotFoundError.js';
import { SessionStoreError } from '../../errors/SessionStoreError.js';
import { projectSlug } from '../sessionPaths.js';
import { InMemorySessionStore } from './InMemorySessionStore.js';
import { restoreSession } from './restoreSession.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'restore-session-'));
  roots.push(root);
  const cwd = join(root, 'project');
  await mkdir(cwd);
  const projectsDir = join(root, 'config', 'projects');
  const projectKey = projectSlug(cwd);
  return { cwd, projectsDir, projectKey, dir: join(projectsDir, projectKey) };
}

const sessionId = '11111111-2222-4333-8444-555555555555';
const entry = (uuid: string) => ({ type: 'user', uuid, sessionId });

describe('restoreSession', () => {
  it('writes the stored transcript and its subagents where the CLI looks', async () => {
    const { cwd, projectsDir, projectKey, dir } = await setup();
    const store = new InMemorySessionStore();
    await store.append({ projectKey, sessionId }, [entry('a'), entry('b')]);
    await store.append({ projectKey, sessionId, subpath: 'subagents/agent-x' }, [entry('s')]);
    await store.append({ projectKey, sessionId, subpath: '../escape' }, [entry('z')]);
    expect(await restoreSession({ store, sessionId, cwd, projectsDir })).toBe('restored');
    expect(await readFile(join(dir, `${sessionId}.jsonl`), 'utf8')).toBe(
      `${JSON.stringify(entry('a'))}\n${JSON.stringify(entry('b'))}\n`,
    );
    expect(await readFile(join(dir, sessionId, 'subagents', 'agent-x.jsonl'), 'utf8')).toBe(
      `${JSON.stringify(entry('s'))}\n`,
    );
    // The unsafe subkey was skipped, not written outside the session's folder.
    await expect(readFile(join(dir, 'escape.jsonl'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('leaves a local transcript alone', async () => {
    const { cwd, projectsDir, projectKey, dir } = await setup();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${sessionId}.jsonl`), 'local\n');
    const store = new InMemorySessionStore();
    await store.append({ projectKey, sessionId }, [entry('a')]);
    expect(await restoreSession({ store, sessionId, cwd, projectsDir })).toBe('local');
    expect(await readFile(join(dir, `${sessionId}.jsonl`), 'utf8')).toBe('local\n');
  });

  it('says when neither the CLI nor the store has the session', async () => {
    const { cwd, projectsDir } = await setup();
    const error = await restoreSession({
      store: new InMemorySessionStore(),
      sessionId,
      cwd,
      projectsDir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionNotFoundError);
    expect((error as Error).message).toMatch(/not found in the session store/);
  });

  it('fails with a typed error when the store fails or hangs', async () => {
    const { cwd, projectsDir } = await setup();
    const failing = new InMemorySessionStore();
    failing.load = () => Promise.reject(new Error('connection refused'));
    await expect(restoreSession({ store: failing, sessionId, cwd, projectsDir })).rejects.toThrow(
      /SessionStore\.load\(\) failed \(connection refused\)/,
    );
    const hanging = new InMemorySessionStore();
    hanging.load = () => new Promise(() => {});
    const error = await restoreSession({
      store: hanging,
      sessionId,
      cwd,
      projectsDir,
      timeoutMs: 30,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionStoreError);
    expect((error as Error).message).toMatch(/did not settle within 30 ms.*loadTimeoutMs/);
  });
});
