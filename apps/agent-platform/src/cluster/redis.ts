import { Redis } from 'ioredis';

/**
 * A Redis connection for the cluster. Commands fail fast while Redis is unreachable (no offline
 * queue growing without bound), and reconnects back off to one second.
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
