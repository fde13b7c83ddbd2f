import type { SDKMessage } from '@agentsdk/core';
import type { SessionRecord, StoredEvent } from '../domain/records.js';
import type { Repository } from '../store/Repository.js';
import type { LiveSession } from './LiveSession.js';

/** Events across nodes (Redis pub/sub in cluster mode; see `cluster/EventFanout`). */
export interface EventFeed {
  publish(event: StoredEvent): Promise<void>;
  /** Resolves once listening; returns the unsubscribe function. */
  listen(sessionId: string, onEvent: (event: StoredEvent) => void): Promise<() => Promise<void>>;
}

/**
 * Each session's numbered event log: stored, fanned out to live listeners (in this process, or
 * on every node through a shared `feed`), replayable.
 */
export class SessionEvents {
  constructor(
    private readonly repository: Repository,
    private readonly feed?: EventFeed,
  ) {}

  /**
   * Subscribe to a session's events after `afterId`: stored ones first, then live ones, in
   * order and without gaps or repeats. Returns the unsubscribe function.
   */
  async subscribe(
    session: LiveSession,
    afterId: number,
    send: (event: StoredEvent) => void,
  ): Promise<() => void> {
    if (this.feed) return this.subscribeShared(this.feed, session.record.id, afterId, send);
    const id = session.record.id;
    let last = afterId;
    const buffered: StoredEvent[] = [];
    let replaying = true;
    const listener = (event: StoredEvent): void => {
      if (replaying) buffered.push(event);
      else if (event.id > last) {
        last = event.id;
        send(event);
      }
    };
    session.listeners.add(listener);
    for (;;) {
      const page = await this.repository.listEvents(id, last, 1000);
      for (const event of page) {
        last = event.id;
        send(event);
      }
      if (page.length < 1000) break;
    }
    for (const event of buffered) {
      if (event.id > last) {
        last = event.id;
        send(event);
      }
    }
    replaying = false;
    return () => session.listeners.delete(listener);
  }

  /**
   * The same guarantee across nodes: listen first, then replay the stored log, then deliver
   * live events in id order. An event is stored before it is published, so a live event that
   * skips ids (a publish lost, or sent before the listener started) is preceded by a re-read of
   * the log; an id already delivered is dropped.
   */
  private async subscribeShared(
    feed: EventFeed,
    sessionId: string,
    afterId: number,
    send: (event: StoredEvent) => void,
  ): Promise<() => void> {
    let last = afterId;
    let stopped = false;
    let queue: Promise<void> = Promise.resolve();
    const catchUp = async (): Promise<void> => {
      for (;;) {
        const page = await this.repository.listEvents(sessionId, last, 1000);
        for (const event of page) {
          if (stopped) return;
          last = event.id;
          send(event);
        }
        if (page.length < 1000) return;
      }
    };
    const deliver = async (event: StoredEvent): Promise<void> => {
      if (stopped || event.id <= last) return;
      if (event.id > last + 1) await catchUp();
      if (!stopped && event.id > last) {
        last = event.id;
        send(event);
      }
    };
    const enqueue = (step: () => Promise<void>): Promise<void> =>
      (queue = queue.then(step).catch(() => undefined));
    const off = await feed.listen(sessionId, (event) => void enqueue(() => deliver(event)));
    await enqueue(catchUp);
    return () => {
      stopped = true;
      void off();
    };
  }

  private readonly writes = new WeakMap<LiveSession, Promise<unknown>>();

  async emit(
    session: LiveSession,
    payload: Record<string, unknown> | { kind: 'message'; message: SDKMessage },
  ): Promise<void> {
    const event: StoredEvent = {
      sessionId: session.record.id,
      id: ++session.record.lastEventId,
      createdAt: Date.now(),
      payload,
    };
    // In id order, even when two writers emit at once (the turn and the model proxy's usage):
    // a listener that skips ids it has passed would otherwise lose the slower one.
    const previous = this.writes.get(session) ?? Promise.resolve();
    const written = previous.then(async () => {
      await this.repository.appendEvent(event, session.fence);
      for (const listener of session.listeners) listener(event);
      await this.feed?.publish(event);
    });
    this.writes.set(
      session,
      written.catch(() => undefined),
    );
    await written;
  }

  /** The last stored id: events are written before the record's counter, so the log is the truth. */
  async lastStoredId(record: SessionRecord): Promise<number> {
    let last = record.lastEventId;
    for (;;) {
      const page = await this.repository.listEvents(record.id, last, 1000);
      last = page.at(-1)?.id ?? last;
      if (page.length < 1000) return last;
    }
  }
}
