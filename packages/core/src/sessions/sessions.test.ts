import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { SessionNotFoundError } from '../errors/SessionNotFoundError.js';
import { TranscriptError } from '../errors/TranscriptError.js';
import { getSessionInfo, listSessions } from './sessionInfo.js';
import { getSessionMessages, listSubagents, readSession, readSubagent } from './sessionMessages.js';
import {
  archiveSession,
  deleteSession,
  forkSession,
  renameSession,
  tagSession,
  unarchiveSession,
} from './sessionMutations.js';
import { projectSlug } from './sessionPaths.js';

const ID = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-2222-4333-8444-555555555555';

let configDir: string;
let project: string;
let file: string;

const user = (uuid: string, parentUuid: string | null, text: string) => ({
  type: 'user',
  uuid,
  parentUuid,
  sessionId: ID,
  isSidechain: false,
  cwd: project,
  gitBranch: 'main',
  timestamp: '2026-01-01T00:00:00.000Z',
  message: { role: 'user', content: [{ type: 'text', text }] },
});
const assistant = (uuid: string, parentUuid: string, text: string) => ({
  type: 'assistant',
  uuid,
  parentUuid,
  sessionId: ID,
  isSidechain: false,
  message: { role: 'assistant', content: [{ type: 'text', text }] },
});

function write(lines: unknown[]): void {
  writeFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'agentsdk-sessions-'));
  configDir = join(root, 'config');
  project = join(root, 'project');
  mkdirSync(project);
  const dir = join(configDir, 'projects', projectSlug(project));
  mkdirSync(dir, { recursive: true });
  file = join(dir, `${ID}.jsonl`);
  write([
    { type: 'queue-operation', operation: 'enqueue', sessionId: ID },
    user('u1', null, 'first question'),
    { type: 'attachment', uuid: 'x1', parentUuid: 'u1', sessionId: ID },
    assistant('a1', 'x1', 'first answer'),
    // A rewound branch: u2 was answered, then the user went back to a1 and asked u3.
    user('u2', 'a1', 'abandoned'),
    assistant('a2', 'u2', 'abandoned answer'),
    user('u3', 'a1', 'second question'),
    assistant('a3', 'u3', 'second answer'),
    { type: 'custom-title', customTitle: 'Original', sessionId: ID },
  ]);
});

const texts = (messages: Array<{ message: unknown }>): string[] =>
  messages.map((m) => (m.message as { content: Array<{ text: string }> }).content[0]?.text ?? '');

describe('sessions as data', () => {
  it('lists sessions with title, first prompt, cwd and branch, from CLAUDE_CONFIG_DIR', async () => {
    const [info] = await listSessions({ configDir });
    expect(info).toMatchObject({
      sessionId: ID,
      summary: 'Original',
      customTitle: 'Original',
      firstPrompt: 'first question',
      cwd: project,
      gitBranch: 'main',
      createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
    });
    const previous = process.env.CLAUDE_CONFIG_DIR;
    process.env.CLAUDE_CONFIG_DIR = configDir;
    try {
      expect((await listSessions({ dir: project })).map((s) => s.sessionId)).toEqual([ID]);
    } finally {
      if (previous === undefined) delete process.env.CLAUDE_CONFIG_DIR;
      else process.env.CLAUDE_CONFIG_DIR = previous;
    }
    expect(await listSessions({ configDir, dir: join(project, 'elsewhere') })).toEqual([]);
  });

  it('streams the messages of the last branch only, with offset and limit', async () => {
    expect(texts(await getSessionMessages(ID, { configDir }))).toEqual([
      'first question',
      'first answer',
      'second question',
      'second answer',
    ]);
    const page: string[] = [];
    for await (const m of readSession(ID, { configDir, offset: 1, limit: 2 }))
      page.push(texts([m])[0] ?? '');
    expect(page).toEqual(['first answer', 'second question']);
  });

  it('gives typed errors: bad id, unknown id, a line that is not JSON (after the lines before it)', async () => {
    await expect(getSessionMessages('nope', { configDir })).rejects.toThrow(InvalidArgumentError);
    await expect(getSessionInfo(OTHER, { configDir })).rejects.toThrow(SessionNotFoundError);
    appendFileSync(file, '{not json\n');
    appendFileSync(file, `${JSON.stringify(user('u9', 'a3', 'later'))}\n`);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const m of readSession(ID, { configDir })) seen.push(m.uuid);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).line).toBe(10);
    expect((error as Error).message).toContain(`${ID}.jsonl:10`);
  });

  it('forgives a torn last line (the CLI died mid-write)', async () => {
    appendFileSync(file, '{"type":"user","uuid":"u');
    expect(await getSessionMessages(ID, { configDir })).toHaveLength(4);
  });

  it('renames, tags, archives and unarchives in the CLI format', async () => {
    await renameSession(ID, '  Better  ', { configDir });
    await tagSession(ID, 'review', { configDir });
    expect(await getSessionInfo(ID, { configDir })).toMatchObject({
      summary: 'Better',
      tag: 'review',
    });
    await tagSession(ID, null, { configDir });
    expect((await getSessionInfo(ID, { configDir })).tag).toBeUndefined();
    await archiveSession(ID, { configDir });
    expect(await listSessions({ configDir })).toEqual([]);
    expect((await listSessions({ configDir, includeArchived: true }))[0]?.archived).toBe(true);
    await unarchiveSession(ID, { configDir });
    expect(await listSessions({ configDir })).toHaveLength(1);
    await expect(renameSession(ID, ' ', { configDir })).rejects.toThrow(InvalidArgumentError);
  });

  it('forks up to a message with new ids, and deletes', async () => {
    const fork = await forkSession(ID, { configDir, upToMessageId: 'a1', title: 'Fork' });
    expect(fork.sessionId).not.toBe(ID);
    const messages = await getSessionMessages(fork.sessionId, { configDir });
    expect(texts(messages)).toEqual(['first question', 'first answer']);
    expect(messages.every((m) => m.session_id === fork.sessionId && m.uuid !== 'u1')).toBe(true);
    expect((await getSessionInfo(fork.sessionId, { configDir })).summary).toBe('Fork');
    await expect(forkSession(ID, { configDir, upToMessageId: 'zz' })).rejects.toThrow(
      /upToMessageId/,
    );
    expect(await listSessions({ configDir })).toHaveLength(2);
    await deleteSession(fork.sessionId, { configDir });
    expect(existsSync(fork.file)).toBe(false);
    await expect(deleteSession(fork.sessionId, { configDir })).rejects.toThrow(
      SessionNotFoundError,
    );
  });

  it('lists and reads subagent transcripts', async () => {
    const dir = join(file.slice(0, -'.jsonl'.length), 'subagents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'agent-abc123.jsonl'),
      `${JSON.stringify({ ...user('s1', null, 'sub task'), isSidechain: true, agentId: 'abc123' })}\n`,
    );
    expect(await listSubagents(ID, { configDir })).toEqual(['abc123']);
    const sub: string[] = [];
    for await (const m of readSubagent(ID, 'abc123', { configDir })) sub.push(texts([m])[0] ?? '');
    expect(sub).toEqual(['sub task']);
    await expect(readSubagent(ID, '../x', { configDir }).next()).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(readSubagent(ID, 'zzz', { configDir }).next()).rejects.toThrow(
      SessionNotFoundError,
    );
  });
});
