import type { Redis } from 'ioredis';

/**
 * Work that must happen once across the cluster: the first node to `claim` a key does it. Keys
 * expire after `ttlMs`, so a claim is also a lock that a dead node cannot hold for ever.
 */
export class OnceKeys {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly nodeId: string,
  ) {}

  /** True for exactly one caller per key until it expires. */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    const set = await this.redis.set(`${this.prefix}once:${key}`, this.nodeId, 'PX', ttlMs, 'NX');
    return set === 'OK';
  }

  /** Runs `fn` if this node gets the lock `key`; the lock is dropped when it is done. */
  async exclusive<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<T | undefined> {
    const lockKey = `${this.prefix}lock:${key}`;
    const value = `${this.nodeId} ${Date.now()} ${Math.random()}`;
    if ((await this.redis.set(lockKey, value, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    try {
      return await fn();
    } finally {
      await this.redis
        .eval(
          `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
          1,
          lockKey,
          value,
        )
        .catch(() => undefined);
    }
  }
}
