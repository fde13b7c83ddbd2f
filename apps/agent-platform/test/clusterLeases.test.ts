import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChannelSigner } from '../src/cluster/ChannelSigner.js';
import { EventFanout } from '../src/cluster/EventFanout.js';
import { NodeBus, type BusRequest } from '../src/cluster/NodeBus.js';
import { NodeHeartbeat } from '../src/cluster/NodeHeartbeat.js';
import { SessionLeases } from '../src/cluster/SessionLeases.js';
import type { StoredEvent } from '../src/domain/records.js';
import { Subscriber } from '../src/cluster/Subscriber.js';
import { RedisRateLimiter } from '../src/limits/RedisRateLimiter.js';
import { redisUrl } from './clusterHelpers.js';

describe.skipIf(!redisUrl)('Redis primitives of cluster mode', () => {
  let redis: Redis;
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  const made: SessionLeases[] = [];
  const leases = (node: string, ttlMs: number, lost: string[] = []) => {
    const l = new SessionLeases(redis, prefix, node, ttlMs, (id) => lost.push(id));
    made.push(l);
    return l;
  };
  beforeAll(() => {
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    for (const l of made) l.stop();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('one holder at a time; tokens only grow; release drops only its own lease', async () => {
    const a = leases('A', 60_000);
    const b = leases('B', 60_000);
    const id = randomUUID();
    const first = await a.acquire(id);
    expect(first).toBe(1);
    expect(await b.acquire(id)).toBeUndefined();
    expect(await b.holder(id)).toEqual({ nodeId: 'A', token: 1 });
    await b.release(id); // B holds nothing: A's lease stays
    expect(await a.holder(id)).toEqual({ nodeId: 'A', token: 1 });
    await a.release(id);
    expect(await a.holder(id)).toBeUndefined();
    expect(await b.acquire(id)).toBe(2);
  });

  it('renews while held; a lapsed lease is taken back if nobody took it, lost if somebody did', async () => {
    const lostA: string[] = [];
    const a = leases('A', 300, lostA);
    const kept = randomUUID();
    const taken = randomUUID();
    await a.acquire(kept);
    await a.acquire(taken);
    // Renewed every 100 ms: alive well past its 300 ms TTL.
    const since = Date.now();
    await expect.poll(() => Date.now() - since > 900, { timeout: 5000 }).toBe(true);
    expect(await a.holder(kept)).toEqual({ nodeId: 'A', token: 1 });
    // A stall past the TTL, in one step: both leases lapse, and node B takes `taken` (what
    // `acquire` does: a new token from the counter) before A's next renewal.
    await redis
      .multi()
      .del(`${prefix}lease:${kept}`, `${prefix}lease:${taken}`)
      .incr(`${prefix}fence:${taken}`)
      .set(`${prefix}lease:${taken}`, 'B 2', 'PX', 60_000)
      .exec();
    await expect.poll(() => lostA.includes(taken), { timeout: 5000 }).toBe(true);
    expect(lostA).toEqual([taken]);
    expect(a.heldToken(taken)).toBeUndefined();
    expect(await a.holder(kept)).toEqual({ nodeId: 'A', token: 1 });
    expect(await a.holder(taken)).toEqual({ nodeId: 'B', token: 2 });
  });

  it('rate limits: one token bucket for every node', async () => {
    const nodeA = new RedisRateLimiter(redis, prefix);
    const nodeB = new RedisRateLimiter(redis, prefix);
    const limit = { perMinute: 60, burst: 3 };
    const now = Date.now();
    const decisions = await Promise.all(
      [nodeA, nodeB, nodeA, nodeB, nodeA].map((l) => l.take('user:acme/ada', limit, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(await nodeB.take('user:acme/ada', limit, now + 1000)).toEqual({ allowed: true });
  });

  it('a malformed message on a channel is dropped and logged; the node keeps listening', async () => {
    const subscriber = new Subscriber(new Redis(redisUrl!));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const channel = `${prefix}bus`;
      const seen: unknown[] = [];
      await subscriber.listen(channel, (message) => seen.push(JSON.parse(message)));
      await redis.publish(channel, 'not json');
      await redis.publish(channel, '{"ok":true}');
      await expect.poll(() => seen).toEqual([{ ok: true }]);
      expect(String(logged.mock.calls[0]?.[0])).toContain(`dropped a Redis message on ${channel}`);
    } finally {
      logged.mockRestore();
      await subscriber.close();
    }
  });

  it('nodes run only requests sealed with the platform secret, fresh, and once; events likewise', async () => {
    const signer = new ChannelSigner('platform-secret-0123456789abcdef');
    const subscribers = [0, 1, 2].map(() => new Subscriber(new Redis(redisUrl!)));
    const [subA, subB, subTap] = subscribers as [Subscriber, Subscriber, Subscriber];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dropped = (): string[] =>
      logged.mock.calls.map((call) => String(call[0])).filter((l) => l.includes('dropped'));
    const busA = new NodeBus(redis, subA, prefix, 'A', signer);
    const busB = new NodeBus(redis, subB, prefix, 'B', signer);
    try {
      const ran: BusRequest[] = [];
      await busA.serve(async () => 'unused');
      await busB.serve(async (request) => {
        ran.push(request);
        return 'done';
      });
      const channelB = `${prefix}node:B`;
      const captured: string[] = [];
      await subTap.listen(channelB, (raw) => captured.push(raw));
      const request = { op: 'chat', payload: { principal: { userId: 'ada' }, id: 's1' } };
      const stillThere = async () => true;
      await expect(busA.request('B', request, { timeoutMs: 5000, stillThere })).resolves.toBe(
        'done',
      );
      expect(ran).toEqual([request]);

      // Anyone with Redis access can publish to B's channel; none of these runs.
      const forged = { id: 'f1', from: 'A', at: Date.now(), request };
      await redis.publish(channelB, JSON.stringify(forged));
      const otherSecret = new ChannelSigner('another-platform-secret-0123456');
      await redis.publish(
        channelB,
        otherSecret.seal(channelB, JSON.stringify({ ...forged, id: 'f2' })),
      );
      const stale = { ...forged, id: 'f3', at: Date.now() - 60_000 };
      await redis.publish(channelB, signer.seal(channelB, JSON.stringify(stale)));
      // Sealed for A's channel, sent to B's: the channel is part of the seal.
      await redis.publish(
        channelB,
        signer.seal(`${prefix}node:A`, JSON.stringify({ ...forged, id: 'f4' })),
      );
      await expect.poll(() => captured.length).toBe(5);
      await redis.publish(channelB, captured[0]!); // the real request, replayed
      await expect.poll(() => dropped().length).toBe(5);
      expect(dropped().join('\n')).toMatch(
        /not signed by a node of this platform[^]*not signed[^]*older than 30000 ms[^]*not signed[^]*already run \(replayed\)/,
      );
      expect(ran).toHaveLength(1);

      const events = new EventFanout(redis, subB, prefix, signer);
      const heard: StoredEvent[] = [];
      await events.listen('s1', (event) => heard.push(event));
      const event = {
        id: 7,
        sessionId: 's1',
        type: 'assistant',
        data: {},
      } as unknown as StoredEvent;
      await redis.publish(`${prefix}events:s1`, JSON.stringify({ ...event, id: 6 }));
      await events.publish(event);
      await expect.poll(() => heard).toEqual([event]);
      expect(dropped()).toHaveLength(6);
    } finally {
      logged.mockRestore();
      await busA.close();
      await busB.close();
      for (const subscriber of subscribers) await subscriber.close();
    }
  });

  it("a node run is dead when its heartbeat key is gone, unless Redis lost this run's key too", async () => {
    const a = new NodeHeartbeat(redis, prefix, 'A', 60_000);
    const b = new NodeHeartbeat(redis, prefix, 'B', 60_000);
    await a.start();
    await b.start();
    try {
      expect(await a.dead([a.incarnation, b.incarnation])).toEqual([]);
      await b.stop();
      // Its own incarnation is never on the list, whatever Redis says.
      expect(await a.dead([a.incarnation, b.incarnation])).toEqual([b.incarnation]);
      // Redis restarted empty (or was flushed): every key is gone, A's own too; nothing is dead.
      await redis.del(`${prefix}alive:${a.incarnation}`);
      expect(await a.dead([b.incarnation])).toEqual([]);
      await redis.set(`${prefix}alive:${a.incarnation}`, '1', 'PX', 60_000); // A beats again
      expect(await a.dead([b.incarnation])).toEqual([b.incarnation]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
