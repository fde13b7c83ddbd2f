import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { PlatformError, type PlatformErrorCode } from '../domain/PlatformError.js';
import type { ChannelSigner } from './ChannelSigner.js';
import type { Subscriber } from './Subscriber.js';

/** A request one node asks another to run (the owner of the session it names). */
export interface BusRequest {
  op: string;
  payload: unknown;
}

interface Envelope {
  id: string;
  from: string;
  /** When it was sent (ms): a request older than `MAX_REQUEST_AGE_MS` is not run. */
  at?: number;
  request?: BusRequest;
  reply?: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
}

/** How old a forwarded request may be when it arrives (clock skew between nodes included). */
const MAX_REQUEST_AGE_MS = 30_000;

/** Why a forwarded request failed without an answer: the caller may take the session over. */
export class NodeGoneError extends Error {
  readonly code = 'node_gone';
  constructor(readonly nodeId: string) {
    super(`Node ${nodeId} is not listening (stopped or crashed).`);
    this.name = 'NodeGoneError';
  }
}

/**
 * Request and reply between nodes over Redis pub/sub: each node listens on its own channel
 * (`<prefix>node:<id>`) for requests and for the replies to what it asked. A `PUBLISH` that
 * reaches nobody means the node is gone (answered at once, not after a timeout).
 */
export class NodeBus {
  private readonly pending = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  private stopListening: (() => Promise<void>) | undefined;
  /** Ids of requests run here lately, with when they may be forgotten: each runs once. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Subscriber,
    private readonly prefix: string,
    readonly nodeId: string,
    private readonly signer: ChannelSigner,
  ) {}

  private channel(nodeId: string): string {
    return `${this.prefix}node:${nodeId}`;
  }

  /**
   * Starts answering requests with `handle`; its PlatformErrors travel back as they are.
   * `answered` runs once the answer is published (the owner keeps the session until then).
   */
  async serve(
    handle: (request: BusRequest) => Promise<unknown>,
    answered: (request: BusRequest) => void = () => undefined,
  ): Promise<void> {
    const channel = this.channel(this.nodeId);
    this.stopListening = await this.subscriber.listen(channel, (raw) => {
      // Throws on a forged message: the subscriber drops and logs it.
      const envelope = JSON.parse(this.signer.open(channel, raw)) as Envelope;
      if (envelope.reply) {
        const waiter = this.pending.get(envelope.id);
        if (!waiter) return;
        this.pending.delete(envelope.id);
        if (envelope.reply.ok) waiter.resolve(envelope.reply.value);
        else {
          const { code, message, ...details } = envelope.reply.error;
          waiter.reject(new PlatformError(code as PlatformErrorCode, message, { details }));
        }
        return;
      }
      const request = envelope.request;
      if (!request) return;
      this.admit(envelope);
      void handle(request)
        .then(
          (value) => this.answer(envelope, { ok: true, value: value ?? null }),
          (error: unknown) => {
            const e = PlatformError.is(error)
              ? error
              : new PlatformError('internal', 'Internal error on the owning node; see its log.', {
                  cause: error,
                });
            if (!PlatformError.is(error))
              console.error('[platform] forwarded request failed', error);
            return this.answer(envelope, { ok: false, error: e.toJSON().error });
          },
        )
        .finally(() => answered(request));
    });
  }

  /** A request runs once, and only while fresh: a captured one cannot be sent again later. */
  private admit(envelope: Envelope): void {
    const now = Date.now();
    for (const [id, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(id);
    }
    if (typeof envelope.at !== 'number' || Math.abs(now - envelope.at) > MAX_REQUEST_AGE_MS) {
      throw new Error(
        `request ${envelope.id} is older than ${MAX_REQUEST_AGE_MS} ms (replayed, or clocks apart)`,
      );
    }
    if (this.seen.has(envelope.id))
      throw new Error(`request ${envelope.id} was already run (replayed)`);
    // Kept past the last moment it would still pass the age check (`at` up to the limit ahead).
    this.seen.set(envelope.id, now + 2 * MAX_REQUEST_AGE_MS + 1000);
  }

  private publish(nodeId: string, envelope: Envelope): Promise<number> {
    const channel = this.channel(nodeId);
    return this.redis.publish(channel, this.signer.seal(channel, JSON.stringify(envelope)));
  }

  private async answer(to: Envelope, reply: NonNullable<Envelope['reply']>): Promise<void> {
    await this.publish(to.from, { id: to.id, from: this.nodeId, reply }).catch(() => 0);
  }

  /**
   * Runs `request` on `nodeId` and returns its answer. Rejects with `NodeGoneError` when that
   * node does not listen, with its PlatformError when it failed, and with `node_unavailable`
   * when `stillThere()` (checked every second) says it stopped owning the work.
   */
  async request(
    nodeId: string,
    request: BusRequest,
    options: { timeoutMs: number; stillThere: () => Promise<boolean> },
  ): Promise<unknown> {
    const id = randomUUID();
    const answer = new Promise<unknown>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    const envelope: Envelope = { id, from: this.nodeId, at: Date.now(), request };
    let receivers: number;
    try {
      receivers = await this.publish(nodeId, envelope);
    } catch (error) {
      // Nobody will ever answer, and a pending entry rejected by close() would be unheard.
      this.pending.delete(id);
      throw error;
    }
    if (receivers === 0) {
      this.pending.delete(id);
      throw new NodeGoneError(nodeId);
    }
    const deadline = Date.now() + options.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let lostOnce = false;
    const watch = new Promise<never>((_, reject) => {
      const check = (): void => {
        timer = setTimeout(() => {
          void (async () => {
            if (!this.pending.has(id)) return;
            if (Date.now() > deadline) {
              return reject(
                new PlatformError(
                  'node_unavailable',
                  `Node ${nodeId} did not answer within ${options.timeoutMs} ms; retry.`,
                ),
              );
            }
            // Twice in a row: the answer may be on its way while the holder lets go.
            const gone = !(await options.stillThere().catch(() => true));
            if (gone && !lostOnce) {
              lostOnce = true;
              return check();
            }
            lostOnce = gone;
            if (gone) {
              return reject(
                new PlatformError(
                  'node_unavailable',
                  `Node ${nodeId} stopped while running this request; its outcome is unknown. Retry.`,
                ),
              );
            }
            check();
          })();
        }, 1000);
      };
      check();
    });
    try {
      return await Promise.race([answer, watch]);
    } finally {
      clearTimeout(timer);
      this.pending.delete(id);
    }
  }

  async close(): Promise<void> {
    await this.stopListening?.();
    for (const waiter of this.pending.values()) {
      waiter.reject(new PlatformError('shutting_down', 'This node is shutting down; retry.'));
    }
    this.pending.clear();
  }
}
