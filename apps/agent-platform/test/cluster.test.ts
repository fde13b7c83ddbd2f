import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { api, liveChildren, METRICS_TOKEN, openStream, SECRET } from './helpers.js';
import { startWebhookReceiver, type ReceivedWebhook } from './webhookReceiver.js';
import { signToken } from '../src/auth/tokens.js';
import {
  clusterMissing,
  processesOn,
  startCluster,
  type Node,
  type TestCluster,
} from './clusterHelpers.js';

describe.skipIf(clusterMissing)('three nodes on one PostgreSQL and one Redis', () => {
  let cluster: TestCluster;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const wendysCreated = (r: ReceivedWebhook[]) =>
    r.filter((d) => d.body.type === 'session.created' && d.body.data['user_id'] === 'wendy');
  beforeAll(async () => {
    // The first delivery of wendy's session.created is never answered (see the last test).
    receiver = await startWebhookReceiver((d, _i) =>
      d.body.type === 'session.created' &&
      d.body.data['user_id'] === 'wendy' &&
      wendysCreated(receiver.received).length === 0
        ? 'hold'
        : 200,
    );
    // A quick sweep: the orphaned-session test waits for one.
    cluster = await startCluster(3, {
      PLATFORM_SWEEP_INTERVAL_MS: '300',
      PLATFORM_WEBHOOK_URL: receiver.url,
      PLATFORM_WEBHOOK_SECRET: 'whsec-cluster-test-0123456789',
      PLATFORM_WEBHOOK_TIMEOUT_MS: '1000',
      PLATFORM_WEBHOOK_POLL_MS: '200',
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await receiver?.close();
    expect(liveChildren(), 'no node or CLI outlives the test').toEqual([]);
  });

  it('create on A, chat on B, stream on C: every event once, in order, with the ids the log has; pause on C, end on B', async () => {
    const [a, b, c] = cluster.nodes as [
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
    ];
    const token = await signToken(SECRET, { userId: 'ada', tenantId: 'acme', tier: 'pro' });
    const created = await api(a.url, token, 'POST', '/api/sessions', {});
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const stream = await openStream(c.url, token, id);
    const before = (await api(a.url, token, 'GET', `/api/sessions/${id}`)).body
      .lastEventId as number;

    const turn = await api(b.url, token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'Say hello',
    });
    expect(turn.status).toBe(200);
    expect(turn.body).toMatchObject({ isError: false });
    // The turn ran where the session's CLI lives (A), not on B.
    expect(await processesOn(a)).toBe(1);
    expect(await processesOn(b)).toBe(0);
    const metricsB = await (
      await fetch(`${b.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metricsB).toContain('platform_forwarded_requests_total{op="chat"} 1');

    const last = turn.body.lastEventId as number;
    await stream.next((f) => f.id === last);
    const stored = (await api(c.url, token, 'GET', `/api/sessions/${id}/events?after=0`)).body
      .events as { id: number }[];
    const ids = stream.frames.map((f) => f.id as number);
    expect(ids).toEqual(stored.map((e) => e.id));
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    const turnEvents = stream.frames.filter((f) => f.id > before);
    expect(turnEvents.map((f) => f.kind)).toEqual([
      'state',
      'user',
      'message',
      'message',
      'message',
      'message',
      'state',
    ]);
    await stream.close();

    // Pause asked on C runs on A (its process goes, and with it the lease); end asked on B
    // then finds no owner and adopts the paused session to end it.
    const paused = await api(c.url, token, 'POST', `/api/sessions/${id}/pause`);
    expect(paused.body.state).toBe('paused');
    expect(await processesOn(a)).toBe(0);
    // A lets the lease go just after its answer is out.
    await expect
      .poll(() => cluster.redis.get(`${cluster.prefix}lease:${id}`), { timeout: 10_000 })
      .toBeNull();
    const ended = await api(b.url, token, 'DELETE', `/api/sessions/${id}`);
    expect(ended.body.state).toBe('completed');
    expect((await api(a.url, token, 'GET', `/api/sessions/${id}`)).body.state).toBe('completed');
  });

  it('a free-tier user creating on three nodes at once gets exactly one session', async () => {
    for (const node of cluster.nodes) {
      expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    }
    const token = await signToken(SECRET, { userId: 'frugal', tenantId: 'acme', tier: 'free' });
    const answers = await Promise.all(
      cluster.nodes.map((node) => api(node.url, token, 'POST', '/api/sessions', {})),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 429, 429]);
    const listed = await api(cluster.nodes[2]!.url, token, 'GET', '/api/sessions');
    expect(listed.body.sessions).toHaveLength(1);
  });

  // Last: it stops node A.
  it('SIGTERM on the owner hands its sessions over at once: no lease left, the next chat runs elsewhere', async () => {
    const [a, b] = cluster.nodes as [Node, Node];
    const token = await signToken(SECRET, { userId: 'grace', tenantId: 'acme', tier: 'pro' });
    const created = await api(a.url, token, 'POST', '/api/sessions', {});
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await cluster.redis.get(`${cluster.prefix}lease:${id}`)).toMatch(/^A /);
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    // Released, not left to lapse.
    expect(await cluster.redis.get(`${cluster.prefix}lease:${id}`)).toBeNull();
    const paused = await api(b.url, token, 'GET', `/api/sessions/${id}`);
    expect(paused.body.state).toBe('paused');
    const onB = await processesOn(b);
    const turn = await api(b.url, token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'Say hello',
    });
    expect(turn.status).toBe(200);
    expect(turn.body.isError).toBe(false);
    expect(await cluster.redis.get(`${cluster.prefix}lease:${id}`)).toMatch(/^B /);
    expect(await processesOn(b)).toBe(onB + 1);
  });

  // After the SIGTERM test: B owns grace's session now.
  it('a SIGKILLed node leaves no session running: once its lease lapses, another node sweeps them to paused', async () => {
    const [, b, c] = cluster.nodes as [Node, Node, Node];
    const token = await signToken(SECRET, { userId: 'grace', tenantId: 'acme', tier: 'pro' });
    const [session] = (await api(c.url, token, 'GET', '/api/sessions')).body.sessions as {
      id: string;
      state: string;
    }[];
    expect(session?.state).toBe('active');
    b.child.kill('SIGKILL');
    await b.exited;
    // Paused by the sweep, and its lease let go again right after (nothing runs it now).
    const key = `${cluster.prefix}lease:${session!.id}`;
    await expect
      .poll(
        async () => ({
          state: (await api(c.url, token, 'GET', `/api/sessions/${session!.id}`)).body.state,
          lease: await cluster.redis.get(key),
        }),
        { timeout: 20_000 },
      )
      .toEqual({ state: 'paused', lease: null });
  });

  // After the SIGKILL test: C is the one node left, and W joins to die.
  it('a webhook delivery pending on a node that dies is finished by another node, once', async () => {
    const w = await cluster.start('W');
    const token = await signToken(SECRET, { userId: 'wendy', tenantId: 'acme', tier: 'pro' });
    const created = await api(w.url, token, 'POST', '/api/sessions', {});
    expect(created.status).toBe(201);
    // W's first attempt reached the receiver, which holds it: W dies waiting for the answer.
    await receiver.until((r) => wendysCreated(r).length === 1);
    w.child.kill('SIGKILL');
    await w.exited;
    // Once W's claim lapses (its attempt's timeout and a margin), C's poll takes it over.
    await receiver.until((r) => wendysCreated(r).length === 2, 20_000);
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      await expect
        .poll(
          async () =>
            (await db.query('SELECT count(*)::int AS n FROM webhook_outbox')).rows[0].n as number,
          { timeout: 10_000 },
        )
        .toBe(0);
      const attempts = wendysCreated(receiver.received);
      expect(attempts.map((a) => a.status)).toEqual([0, 200]);
      expect(new Set(attempts.map((a) => a.headers['x-agentsdk-delivery'])).size).toBe(1);
      // The one attempt that got an answer is recorded, as the second, by the node that made it.
      const deliveries = await db.query(
        'SELECT attempt::int, status::int, ok::int FROM webhook_deliveries WHERE event_id = $1',
        [attempts[0]!.body.id],
      );
      expect(deliveries.rows).toEqual([{ attempt: 2, status: 200, ok: 1 }]);
    } finally {
      await db.end();
    }
  });
});
