import { offlineEnvironment, type ModelServer, type OfflineEnvironment } from '@agentsdk/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { clusterMissing, startCluster, type Node, type TestCluster } from './clusterHelpers.js';
import { api, liveChildren, realCli, realCliEnv, SECRET } from './helpers.js';

describe.skipIf(clusterMissing)('a node SIGKILLed mid-turn (real CLI, scripted model)', () => {
  let cluster: TestCluster;
  let model: ModelServer;
  let offline: OfflineEnvironment;
  beforeAll(async () => {
    offline = await offlineEnvironment({
      script: [
        { content: [{ type: 'text', text: 'Remembered: 7.' }] },
        { content: [{ type: 'text', text: 'A turn the crash cuts short.' }], stall_after_chars: 5 },
        { content: [{ type: 'text', text: 'The number was 7.' }] },
      ],
    });
    model = offline.server;
    cluster = await startCluster(3, {
      ...(realCliEnv(offline) as Record<string, string>),
      CLAUDE_CLI_PATH: realCli.path,
      PLATFORM_CLI_ENV: '{}',
      // The orphan sweep also releases a dead node's budget holds: often, to see it here.
      PLATFORM_SWEEP_INTERVAL_MS: '500',
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await offline?.close();
    expect(liveChildren(), 'no node or CLI outlives the test').toEqual([]);
  });

  it('its lease lapses, another node resumes the session on the next chat, usage is counted once, its budget holds go', async () => {
    const [a, b, c] = cluster.nodes as [Node, Node, Node];
    const token = await signToken(SECRET, { userId: 'ada', tenantId: 'acme', tier: 'pro' });
    const { body: session } = await api(a.url, token, 'POST', '/api/sessions', {});
    const id = session.id as string;
    const turn1 = await api(b.url, token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'Remember 7.',
    });
    expect(turn1.body).toMatchObject({ isError: false, result: 'Remembered: 7.' });
    const inFlight = api(a.url, token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'Tell me a long story.',
    }).catch((error: unknown) => error);
    await model.waitForStall();
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    a.child.kill('SIGKILL');
    await a.exited;
    expect(await inFlight).toBeInstanceOf(Error); // the connection died with the node
    // The request A died in still holds its cost (A's heartbeat has not lapsed yet).
    const held = await db.query('SELECT holder FROM budget_holds');
    expect(held.rows.length).toBeGreaterThanOrEqual(1);
    for (const row of held.rows) expect(String(row.holder)).toMatch(/^A\//);

    // C finds A gone (nobody on its channel), waits out the lease, adopts, resumes.
    const turn3 = await api(c.url, token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'Which number?',
    });
    expect(turn3.status).toBe(200);
    expect(turn3.body).toMatchObject({ isError: false, result: 'The number was 7.' });
    expect(JSON.stringify(model.lastMainRequest()?.body)).toContain('Remember 7.');
    expect(await cluster.redis.get(`${cluster.prefix}lease:${id}`)).toMatch(/^C /);

    // One usage row per model request, none twice; the session's spend is their sum.
    const { rows } = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS ids, count(request_id)::int AS keyed FROM usage_records WHERE session_id = $1',
      [id],
    );
    // Every request held its cost until recorded; the one A died in held it until a sweep saw
    // A's heartbeat gone, then its hold was released (not after 15 minutes).
    await expect
      .poll(
        async () =>
          (await db.query('SELECT count(*)::int AS n FROM budget_holds')).rows[0].n as number,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(0);
    await db.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toEqual({ n: rows[0].n, ids: rows[0].n, keyed: rows[0].n });
    const usage = await api(b.url, token, 'GET', '/api/usage');
    const record = await api(c.url, token, 'GET', `/api/sessions/${id}`);
    expect(usage.body.user.month.costUsd).toBeCloseTo(record.body.costUsd, 10);
    expect(usage.body.user.month.costUsd).toBeGreaterThanOrEqual(
      turn1.body.costUsd + turn3.body.costUsd,
    );
  }, 120_000);
});
