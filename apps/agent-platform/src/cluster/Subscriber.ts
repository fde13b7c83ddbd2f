import type { Redis } from 'ioredis';

type Handler = (message: string) => void;

/**
 * One Redis connection in subscriber mode, shared by every channel this node listens to: the
 * node's request channel and the event channel of each session a WebSocket here follows.
 * `listen` resolves once Redis confirmed the subscription, so nothing published afterwards is
 * missed.
 */
export class Subscriber {
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(private readonly redis: Redis) {
    redis.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) {
        // A malformed message (anyone with Redis access can publish) must not crash the node.
        try {
          handler(message);
        } catch (error) {
          console.error(
            `[platform] dropped a Redis message on ${channel}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    });
  }

  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    // Every listener waits for the confirmation, even the second one on a channel.
    try {
      await this.redis.subscribe(channel);
    } catch (error) {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(channel);
      throw error;
    }
    return async () => {
      const current = this.handlers.get(channel);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(channel);
      await this.redis.unsubscribe(channel).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
