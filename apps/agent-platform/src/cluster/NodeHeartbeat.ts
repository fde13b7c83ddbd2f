import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * This run of the node is alive: a Redis key `alive:<incarnation>` with a TTL, renewed every
 * TTL/3. The incarnation is the node id plus a random part, so a node restarted under the same
 * id is a new incarnation and what the crashed run left (its budget holds) is seen as dead.
 */
export class NodeHeartbeat {
  readonly incarnation: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    nodeId: string,
    private readonly ttlMs: number,
  ) {
    this.incarnation = `${nodeId}/${randomUUID().slice(0, 8)}`;
  }

  private key(incarnation: string): string {
    return `${this.prefix}alive:${incarnation}`;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(
      () => void this.beat().catch(() => undefined), // Redis away: the next beat tries again
      Math.max(50, Math.floor(this.ttlMs / 3)),
    );
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.key(this.incarnation), String(Date.now()), 'PX', this.ttlMs);
  }

  /**
   * The incarnations among `incarnations` whose heartbeat lapsed (crashed, or stopped). None while
   * this run's own key is missing too: then Redis lost its keys (restarted without persistence,
   * flushed), and every node's absence says nothing until they beat again.
   */
  async dead(incarnations: readonly string[]): Promise<string[]> {
    const others = incarnations.filter((i) => i !== this.incarnation);
    if (others.length === 0) return [];
    const answers = await Promise.all(
      [this.incarnation, ...others].map((i) => this.redis.exists(this.key(i))),
    );
    if (answers[0] === 0) return [];
    return others.filter((_, k) => answers[k + 1] === 0);
  }

  /** Stops beating and drops the key (a clean stop has released what it held). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key(this.incarnation)).catch(() => undefined);
  }
}
