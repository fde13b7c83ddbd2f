import type {
  EventStore,
  StreamId,
  EventId,
} from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export type { EventStore };

/**
 * The default event store of `createHttpHandler()`: keeps the last `maxEvents` SSE events in
 * memory so a client that lost its stream reconnects with `Last-Event-ID` and gets what it
 * missed. One process only; put a shared store (Redis…) behind the same interface to scale out.
 */
export class InMemoryEventStore implements EventStore {
  readonly #events = new Map<EventId, { streamId: StreamId; message: JSONRPCMessage }>();
  readonly #maxEvents: number;
  #sequence = 0;

  constructor(options: { maxEvents?: number } = {}) {
    this.#maxEvents = options.maxEvents ?? 10_000;
  }

  storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    const eventId = `${streamId}.${++this.#sequence}`;
    this.#events.set(eventId, { streamId, message });
    if (this.#events.size > this.#maxEvents) {
      this.#events.delete(this.#events.keys().next().value!);
    }
    return Promise.resolve(eventId);
  }

  getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    return Promise.resolve(this.#events.get(eventId)?.streamId ?? streamOf(eventId));
  }

  async replayEventsAfter(
    lastEventId: EventId,
    { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> },
  ): Promise<StreamId> {
    const streamId = streamOf(lastEventId);
    if (streamId === undefined) throw new Error(`Unknown Last-Event-ID ${lastEventId}.`);
    const after = sequenceOf(lastEventId);
    for (const [eventId, event] of this.#events) {
      // Priming events carry no message: nothing to replay.
      if (event.streamId !== streamId || sequenceOf(eventId) <= after) continue;
      if (Object.keys(event.message).length === 0) continue;
      await send(eventId, event.message);
    }
    return streamId;
  }
}

function streamOf(eventId: EventId): StreamId | undefined {
  const dot = eventId.lastIndexOf('.');
  return dot > 0 ? eventId.slice(0, dot) : undefined;
}

function sequenceOf(eventId: EventId): number {
  return Number(eventId.slice(eventId.lastIndexOf('.') + 1));
}
