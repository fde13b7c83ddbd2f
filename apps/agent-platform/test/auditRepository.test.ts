import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../src/store/createRepository.js';
import type { SessionRecord } from '../src/domain/records.js';

/** Written by scripts/ci-setup.sh; DATABASE_URL_TEST overrides (as in repository.test.ts). */
const urlFile = process.env['PG_URL_FILE'] ?? '/tmp/agent-platform-pg/url';
const pgUrl =
  process.env['DATABASE_URL_TEST'] ??
  (existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined);

const backends = [
  { name: 'sqlite', url: undefined as string | undefined, skip: false },
  { name: 'postgres', url: pgUrl, skip: !pgUrl },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`audit log and purges on ${backend.name}`, () => {
    it('appends and lists audit rows per tenant, newest first', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'audit-'));
      const repo = await createRepository({ databaseUrl: backend.url, dataDir });
      try {
        const tenantId = `t${randomUUID().slice(0, 8)}`;
        const row = (at: number, kind: string, tenant: string | null) => ({
          id: randomUUID(),
          at,
          kind,
          tenantId: tenant,
          userId: tenant ? 'ada' : null,
          route: 'GET /api/me',
          ip: '127.0.0.1',
          detail: null,
        });
        const older = row(1000, 'auth_failure', tenantId);
        const newer = row(2000, 'admin_read', tenantId);
        await repo.appendAudit(older);
        await repo.appendAudit(newer);
        await repo.appendAudit(row(3000, 'auth_failure', null));
        await repo.appendAudit(row(4000, 'forbidden', `${tenantId}x`));
        expect(await repo.listAudit({ tenantId, limit: 10 })).toEqual([newer, older]);
        expect(await repo.listAudit({ tenantId, since: 1500, limit: 10 })).toEqual([newer]);
        expect(await repo.listAudit({ tenantId, limit: 1 })).toEqual([newer]);
      } finally {
        await repo.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('lists ended sessions due for purging once, and drops their events', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'purge-'));
      const repo = await createRepository({ databaseUrl: backend.url, dataDir });
      try {
        const base = {
          tenantId: `t${randomUUID().slice(0, 8)}`,
          userId: 'ada',
          tier: 'pro' as const,
          cliSessionId: randomUUID(),
          workspace: join(dataDir, 'tenants', 'x', 'users', 'ada', 'workspace'),
          systemPrompt: 'be brief',
          turns: 1,
          costUsd: 0,
          lastCliCostUsd: 0,
          lastEventId: 1,
          error: null,
          createdAt: 0,
          lastActivityAt: 0,
        };
        // Far in the past, so rows of other runs sharing the PostgreSQL database are not due.
        const ended: SessionRecord = {
          ...base,
          id: randomUUID(),
          state: 'completed',
          updatedAt: 5,
        };
        const open: SessionRecord = { ...base, id: randomUUID(), state: 'paused', updatedAt: 5 };
        const recent: SessionRecord = {
          ...base,
          id: randomUUID(),
          state: 'completed',
          updatedAt: 50,
        };
        for (const s of [ended, open, recent]) {
          await repo.insertSession(s);
          await repo.appendEvent({
            sessionId: s.id,
            id: 1,
            createdAt: 1,
            payload: { kind: 'user' },
          });
        }
        const ids = async (before: number) =>
          (await repo.sessionsToPurge(before, join(dataDir, 'tenants') + sep, 100))
            .map((s) => s.id)
            .filter((id) => [ended.id, open.id, recent.id].includes(id));
        expect(await ids(10)).toEqual([ended.id]);
        await repo.markPurged(ended.id, 10);
        await repo.markPurged(ended.id, 11); // twice is harmless
        expect(await ids(10)).toEqual([]);
        expect(await repo.listEvents(ended.id, 0)).toEqual([]);
        expect((await repo.getSession(ended.id))?.systemPrompt).toBeNull();
        expect(await repo.listEvents(open.id, 0)).toHaveLength(1);
        expect(await ids(100)).toEqual([recent.id]);
        // Another server's data directory (a shared PostgreSQL database): not ours to purge.
        expect(await repo.sessionsToPurge(100, '/elsewhere/tenants/', 100)).toEqual([]);
      } finally {
        await repo.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
