import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepository } from '../store/createRepository.js';
import type { Repository } from '../store/Repository.js';
import { restartPoint } from './restartPoint.js';

let dir: string;
let repository: Repository;
let nextId: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'restart-point-'));
  repository = await createRepository({ dataDir: dir });
  nextId = 0;
});
afterEach(async () => {
  await repository.close();
  rmSync(dir, { recursive: true, force: true });
});

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string };

/** Stores events the way SessionManager does; returns the id of the last one. */
async function log(...payloads: unknown[]): Promise<number> {
  for (const payload of payloads) {
    await repository.appendEvent({ sessionId: 's', id: ++nextId, createdAt: 0, payload });
  }
  return nextId;
}
const user = (text: string) => ({ kind: 'user', text });
const assistant = (uuid: string, content: Block[], parent: string | null = null) => ({
  kind: 'message',
  message: {
    type: 'assistant',
    uuid,
    session_id: 'cli',
    parent_tool_use_id: parent,
    message: { role: 'assistant', content },
  },
});
const toolResult = (uuid: string) => ({
  kind: 'message',
  message: {
    type: 'user',
    uuid,
    session_id: 'cli',
    parent_tool_use_id: null,
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
  },
});
const text = (t: string): Block[] => [{ type: 'text', text: t }];

describe('restartPoint', () => {
  it('starts fresh when the conversation had no answer before the turn', async () => {
    const turn = await log({ kind: 'state', state: 'running' }, user('hi'));
    await log(assistant('err', text('API Error: 529')));
    expect(await restartPoint(repository, 's', turn)).toEqual({ fresh: true });
  });

  it("resumes at the main conversation's last answer before the turn", async () => {
    await log(user('one'), assistant('a1', text('first')), user('two'));
    await log(assistant('a2', text('second')), assistant('sub', text('from a subagent'), 't9'));
    const turn = await log(user('three'));
    await log(assistant('err', text('API Error: 529')));
    expect(await restartPoint(repository, 's', turn)).toEqual({ resumeAt: 'a2' });
  });

  it('retries in place when the failed attempt already ran a tool (no second run)', async () => {
    await log(user('one'), assistant('a1', text('first')));
    const turn = await log(user('two'));
    await log(assistant('a2', [{ type: 'tool_use', id: 't1', name: 'Bash' }]), toolResult('u1'));
    expect(await restartPoint(repository, 's', turn)).toBeUndefined();
  });

  it('retries in place when the conversation ended in tool results (a rewind would drop them)', async () => {
    await log(user('one'), assistant('a1', [{ type: 'tool_use', id: 't1', name: 'Bash' }]));
    await log(toolResult('u1'));
    const turn = await log(user('two'));
    expect(await restartPoint(repository, 's', turn)).toBeUndefined();
  });

  it('reads past a page of 1000 events', async () => {
    for (let i = 0; i < 1200; i++) await log({ kind: 'state', state: 'active' });
    await log(assistant('late', text('after many events')));
    const turn = await log(user('next'));
    expect(await restartPoint(repository, 's', turn)).toEqual({ resumeAt: 'late' });
  });
});
