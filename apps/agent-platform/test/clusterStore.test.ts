import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Repository } from '../src/store/Repository.js';
import { createRepository } from '../src/store/createRepository.js';
import { createTestDatabase, pgUrl } from './clusterHelpers.js';
import { sessionRecord } from './sessionRecord.js';

const session = (userId: string) => sessionRecord({ userId });

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

  it('holds budget for requests in flight atomically: together they never pass the limit', async () => {
    const limit = 1;
    const ask = 0.4;
    const now = Date.now();
    const ids = Array.from({ length: 6 }, () => randomUUID());
    // Six requests on three servers at once, each wanting $0.40 of a $1.00 month.
    const seen = await Promise.all(
      ids.map((id, i) =>
        repos[i % 3]!.holdBudget({
          id,
          tenantId: 'holds',
          userId: 'dora',
          since: 0,
          staleBefore: now - 60_000,
          amount: (spent) => Math.max(0, Math.min(ask, limit - spent.userUsd)),
        }),
      ),
    );
    const granted = seen.map((spent) => Math.max(0, Math.min(ask, limit - spent.userUsd)));
    expect(granted.reduce((a, b) => a + b, 0)).toBeCloseTo(limit, 10);
    expect([...granted].sort()).toEqual([0, 0, 0, 0.2, 0.4, 0.4].map((x) => expect.closeTo(x, 10)));
    // Released holds no longer count; usage recorded meanwhile does.
    for (const id of ids) await repos[0]!.releaseBudgetHold(id);
    const after = await repos[1]!.holdBudget({
      id: randomUUID(),
      tenantId: 'holds',
      userId: 'dora',
      since: 0,
      staleBefore: now - 60_000,
      amount: () => 0,
    });
    expect(after).toEqual({ userUsd: 0, tenantUsd: 0 });
  });

  it('survives PostgreSQL ending its idle connections (restart, failover) and reconnects', async () => {
    const [a] = repos as [Repository];
    const s = session('eve');
    await a.insertSession(s);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      // Unheard, the pool's 'error' event would have been an uncaught exception failing this file.
      await expect.poll(() => logged.mock.calls.length).toBeGreaterThan(0);
      expect(String(logged.mock.calls[0]?.[0])).toContain('PostgreSQL closed an idle connection');
    } finally {
      logged.mockRestore();
    }
    expect((await a.getSession(s.id))?.userId).toBe('eve');
  });
});
