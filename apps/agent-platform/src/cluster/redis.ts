import { Redis } from 'ioredis';

/**
 * A Redis connection for the cluster. While Redis is unreachable, commands wait in the offline
 * queue for at most three reconnect attempts and then fail (the queue cannot grow without
 * bound); reconnects back off to one second.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    enableOfflineQueue: true,
    maxRetriesPerRequest: 3,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    lazyConnect: false,
  });
}

export type { Redis };
