import type { Redis } from 'ioredis';
import type { StoredEvent } from '../domain/records.js';
import type { ChannelSigner } from './ChannelSigner.js';
import type { Subscriber } from './Subscriber.js';

/**
 * Session events across nodes: the owner publishes each event after storing it, a WebSocket on
 * any node listens on the session's channel. Pub/sub may drop or the listener may start late;
 * the stored log fills any gap (see `SessionEvents.subscribe`).
 */
export class EventFanout {
  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Subscriber,
    private readonly prefix: string,
    private readonly signer: ChannelSigner,
  ) {}

  private channel(sessionId: string): string {
    return `${this.prefix}events:${sessionId}`;
  }

  async publish(event: StoredEvent): Promise<void> {
    // Best effort: a lost publish is found again in the store by the listener's gap check.
    const channel = this.channel(event.sessionId);
    await this.redis
      .publish(channel, this.signer.seal(channel, JSON.stringify(event)))
      .catch(() => 0);
  }

  /** Resolves once subscribed; returns the unsubscribe function. */
  listen(sessionId: string, onEvent: (event: StoredEvent) => void): Promise<() => Promise<void>> {
    const channel = this.channel(sessionId);
    // A forged event throws here and is dropped (and logged) by the subscriber.
    return this.subscriber.listen(channel, (raw) =>
      onEvent(JSON.parse(this.signer.open(channel, raw)) as StoredEvent),
    );
  }
}
