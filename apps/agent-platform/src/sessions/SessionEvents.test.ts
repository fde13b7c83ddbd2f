import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../domain/records.js';
import { createRepository } from '../store/createRepository.js';
import type { Repository } from '../store/Repository.js';
import { liveSession } from './LiveSession.js';
import { SessionEvents, type EventFeed } from './SessionEvents.js';

/** A feed under the test's control: it delivers what the test says, when the test says. */
class ScriptedFeed implements EventFeed {
  readonly published: StoredEvent[] = [];
  private listener: ((event: StoredEvent) => void) | undefined;
  async publish(event: StoredEvent): Promise<void> {
    this.published.push(event);
  }
  async listen(_id: string, onEvent: (event: StoredEvent) => void) {
    this.listener = onEvent;
    return async () => {
      this.listener = undefined;
    };
  }
  deliver(event: StoredEvent): void {
    this.listener?.(event);
  }
}

const event = (id: number): StoredEvent => ({
  sessionId: 's1',
  id,
  createdAt: id,
  payload: { kind: 'user', text: `e${id}` },
});

describe('SessionEvents over a shared feed (cluster mode)', () => {
  let repository: Repository;
  const dataDir = mkdtempSync(join(tmpdir(), 'events-'));
  afterEach(async () => {
    await repository.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays the log, then delivers live events once and in order, filling gaps from the log', async () => {
    repository = await createRepository({ dataDir });
    for (const id of [1, 2, 3]) await repository.appendEvent(event(id));
    const feed = new ScriptedFeed();
    const log = new SessionEvents(repository, feed);
    const received: number[] = [];
    const off = await log.subscribe(
      liveSession({ id: 's1' } as never),
      1,
      (e) => void received.push(e.id),
    );
    expect(received).toEqual([2, 3]);
    feed.deliver(event(3)); // already replayed: dropped
    await repository.appendEvent(event(4));
    await repository.appendEvent(event(5));
    feed.deliver(event(5)); // 4 was never published here: read from the log first
    await repository.appendEvent(event(6));
    feed.deliver(event(6));
    feed.deliver(event(6)); // twice: once
    await new Promise<void>((resolve) => {
      const check = (): void => void (received.length >= 5 ? resolve() : setImmediate(check));
      check();
    });
    expect(received).toEqual([2, 3, 4, 5, 6]);
    off();
    feed.deliver(event(7));
    expect(received).toEqual([2, 3, 4, 5, 6]);
  });

  it('publishes each event after storing it', async () => {
    repository = await createRepository({ dataDir });
    const feed = new ScriptedFeed();
    const log = new SessionEvents(repository, feed);
    const session = liveSession({ id: 's1', lastEventId: 0 } as never);
    await log.emit(session, { kind: 'user', text: 'hi' });
    expect(feed.published.map((e) => e.id)).toEqual([1]);
    expect((await repository.listEvents('s1', 0)).map((e) => e.id)).toEqual([1]);
  });
});
