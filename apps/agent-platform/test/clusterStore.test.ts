import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../src/domain/records.js';
import type { Repository } from '../src/store/Repository.js';
import { createRepository } from '../src/store/createRepository.js';
import { createTestDatabase, pgUrl } from './clusterHelpers.js';

function session(userId: string): SessionRecord {
  const now = Date.now();
  return {
    id: randomUUID(),
    tenantId: 'acme',
    userId,
    tier: 'free',
    state: 'active',
    cliSessionId: randomUUID(),
    workspace: '/w',
    systemPrompt: null,
    turns: 0,
    costUsd: 0,
    lastCliCostUsd: 0,
    lastEventId: 0,
    error: null,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
  };
}

describe.skipIf(!pgUrl)('the PostgreSQL side of cluster mode', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let repos: Repository[];
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-store-'));
  beforeAll(async () => {
    db = await createTestDatabase();
    // Three servers migrating one empty database at once (their DDL takes turns).
    repos = await Promise.all(
      [1, 2, 3].map(() => createRepository({ databaseUrl: db.url, dataDir })),
    );
  });
  afterAll(async () => {
    for (const r of repos ?? []) await r.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the writes of an owner whose fencing token is no longer the newest', async () => {
    const [a, b] = repos as [Repository, Repository];
    const s = session('ada');
    await a.insertSession(s);
    expect(await a.claimSession(s.id, 1)).toBe(true);
    await a.updateSession(s.id, { turns: 1 }, 1);
    await a.appendEvent({ sessionId: s.id, id: 1, createdAt: 1, payload: { kind: 'user' } }, 1);
    expect(await b.claimSession(s.id, 2)).toBe(true);
    expect(await a.claimSession(s.id, 1)).toBe(false); // tokens never go back
    await expect(a.updateSession(s.id, { turns: 2 }, 1)).rejects.toMatchObject({
      code: 'lease_lost',
    });
    await expect(
      a.appendEvent({ sessionId: s.id, id: 2, createdAt: 2, payload: { kind: 'user' } }, 1),
    ).rejects.toMatchObject({ code: 'lease_lost' });
    await b.appendEvent({ sessionId: s.id, id: 2, createdAt: 2, payload: { kind: 'user' } }, 2);
    expect((await b.getSession(s.id))?.turns).toBe(1);
    expect((await b.listEvents(s.id, 0)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('records a model request once, however many times it is reported', async () => {
    const [a, b] = repos as [Repository, Repository];
    const usage = {
      sessionId: randomUUID(),
      tenantId: 'acme',
      userId: 'bob',
      costUsd: 0.5,
      inputTokens: 10,
      outputTokens: 5,
      numTurns: 1,
      createdAt: Date.now(),
      requestId: 'msg_once',
    };
    expect(await a.recordUsage(usage)).toBe(true);
    expect(await b.recordUsage(usage)).toBe(false);
    expect(await a.recordUsage({ ...usage, requestId: 'msg_other' })).toBe(true);
    expect((await b.usageSummary({ tenantId: 'acme', userId: 'bob' })).costUsd).toBe(1);
  });

  it('caps open sessions per user atomically across servers', async () => {
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => repos[i % 3]!.insertSessionCapped(session('carol'), 2)),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(2);
    expect(await repos[0]!.listSessions({ tenantId: 'acme', userId: 'carol' })).toHaveLength(2);
  });
});
