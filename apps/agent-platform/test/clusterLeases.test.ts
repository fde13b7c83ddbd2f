import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SessionLeases } from '../src/cluster/SessionLeases.js';
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
});
