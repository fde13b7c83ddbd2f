import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../src/store/createRepository.js';
import { liveChildren, operatorGet, testPlatform } from './helpers.js';
import { sessionRecord } from './sessionRecord.js';

/** Written by scripts/ci-setup.sh; DATABASE_URL_TEST overrides. */
const urlFile = process.env['PG_URL_FILE'] ?? '/tmp/agent-platform-pg/url';
const pgUrl =
  process.env['DATABASE_URL_TEST'] ??
  (existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined);
if (!pgUrl)
  console.warn(
    '[repository.test] PostgreSQL tests skipped: run apps/agent-platform/scripts/ci-setup.sh (or set DATABASE_URL_TEST).',
  );

const backends = [
  { name: 'sqlite', url: undefined as string | undefined, skip: false },
  { name: 'postgres', url: pgUrl, skip: !pgUrl },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`repository on ${backend.name}`, () => {
    it('stores sessions, events, usage and webhook deliveries', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'repo-'));
      const repo = await createRepository({ databaseUrl: backend.url, dataDir });
      try {
        expect(repo.kind).toBe(backend.name);
        const tenantId = `t${randomUUID().slice(0, 8)}`;
        const s = sessionRecord({ tenantId, tier: 'pro', state: 'creating' });
        const now = s.createdAt;
        await repo.insertSession(s);
        await repo.updateSession(s.id, { state: 'active', turns: 2, costUsd: 0.25 });
        expect(await repo.getSession(s.id)).toEqual({
          ...s,
          state: 'active',
          turns: 2,
          costUsd: 0.25,
        });
        expect(
          (await repo.listSessions({ tenantId, states: ['active'] })).map((x) => x.id),
        ).toEqual([s.id]);
        expect(await repo.listSessions({ tenantId, states: ['paused'] })).toEqual([]);
        for (let id = 1; id <= 3; id++)
          await repo.appendEvent({
            sessionId: s.id,
            id,
            createdAt: now,
            payload: { kind: 'x', id },
          });
        expect((await repo.listEvents(s.id, 1)).map((e) => e.payload)).toEqual([
          { kind: 'x', id: 2 },
          { kind: 'x', id: 3 },
        ]);
        await repo.recordUsage({
          sessionId: s.id,
          tenantId,
          userId: 'ada',
          costUsd: 0.1,
          inputTokens: 10,
          outputTokens: 5,
          numTurns: 1,
          createdAt: now,
        });
        await repo.recordUsage({
          sessionId: s.id,
          tenantId,
          userId: 'bob',
          costUsd: 0.2,
          inputTokens: 1,
          outputTokens: 1,
          numTurns: 1,
          createdAt: now - 86_400_000 * 40,
        });
        expect(await repo.usageSummary({ tenantId, userId: 'ada' })).toEqual({
          costUsd: 0.1,
          inputTokens: 10,
          outputTokens: 5,
          numTurns: 1,
          records: 1,
        });
        expect((await repo.usageSummary({ tenantId })).costUsd).toBeCloseTo(0.3);
        expect((await repo.usageSummary({ tenantId, since: now - 1000 })).costUsd).toBeCloseTo(0.1);
        const eventId = randomUUID();
        await repo.recordWebhookDelivery({
          eventId,
          eventType: 'session.created',
          url: 'http://x',
          attempt: 1,
          status: 500,
          ok: false,
          error: null,
          createdAt: now,
        });
        await repo.recordWebhookDelivery({
          eventId,
          eventType: 'session.created',
          url: 'http://x',
          attempt: 2,
          status: 200,
          ok: true,
          error: null,
          createdAt: now + 1,
        });
        expect((await repo.listWebhookDeliveries(eventId)).map((d) => [d.attempt, d.ok])).toEqual([
          [1, false],
          [2, true],
        ]);
      } finally {
        await repo.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('runs the platform end to end (create → chat → usage) on it', async () => {
      const t = await testPlatform({
        cli: 'fake',
        config: backend.url ? { databaseUrl: backend.url } : {},
      });
      try {
        const token = await t.token({
          userId: `u${randomUUID().slice(0, 8)}`,
          tenantId: `t${randomUUID().slice(0, 8)}`,
        });
        const { body } = await t.api(token, 'POST', '/api/sessions', {});
        const chat = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
          message: 'Say hello',
        });
        expect(chat.body).toMatchObject({ isError: false });
        const usage = await t.api(token, 'GET', '/api/usage');
        expect(usage.body.user.month.costUsd).toBeCloseTo(chat.body.costUsd, 10);
        expect(
          ((await (await operatorGet(t.platform.url, '/health')).json()) as { database: string })
            .database,
        ).toBe(backend.name);
        await t.api(token, 'DELETE', `/api/sessions/${body.id}`);
      } finally {
        await t.close();
      }
      expect(liveChildren()).toEqual([]);
    });
  });
}
