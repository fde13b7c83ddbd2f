import { ChannelSigner } from './ChannelSigner.js';
import { EventFanout } from './EventFanout.js';
import { NodeBus } from './NodeBus.js';
import { NodeHeartbeat } from './NodeHeartbeat.js';
import { OnceKeys } from './OnceKeys.js';
import { connectRedis, type Redis } from './redis.js';
import { SessionLeases } from './SessionLeases.js';
import { Subscriber } from './Subscriber.js';

export interface ClusterOptions {
  redisUrl: string;
  /** Every key and channel starts with it (several platforms, or tests, on one Redis). */
  prefix: string;
  nodeId: string;
  leaseTtlMs: number;
  /** Shared by every node (`PLATFORM_JWT_SECRET`): keys the HMAC on what nodes publish to each other. */
  secret: string;
}

/** This node's view of the cluster: its Redis connections and what is built on them. */
export class Cluster {
  readonly leases: SessionLeases;
  readonly bus: NodeBus;
  readonly events: EventFanout;
  readonly once: OnceKeys;
  readonly heartbeat: NodeHeartbeat;
  /** Set by the session layer: a lease renewal failed (another node has the session now). */
  onLeaseLost: (sessionId: string) => void = () => undefined;

  private constructor(
    readonly options: ClusterOptions,
    readonly redis: Redis,
    private readonly subscriber: Subscriber,
  ) {
    const { prefix, nodeId } = options;
    this.leases = new SessionLeases(redis, prefix, nodeId, options.leaseTtlMs, (id) =>
      this.onLeaseLost(id),
    );
    const signer = new ChannelSigner(options.secret);
    this.bus = new NodeBus(redis, subscriber, prefix, nodeId, signer);
    this.events = new EventFanout(redis, subscriber, prefix, signer);
    this.once = new OnceKeys(redis, prefix, nodeId);
    this.heartbeat = new NodeHeartbeat(redis, prefix, nodeId, options.leaseTtlMs);
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  static async connect(options: ClusterOptions): Promise<Cluster> {
    const redis = connectRedis(options.redisUrl, `agentsdk-platform:${options.nodeId}`);
    const sub = connectRedis(options.redisUrl, `agentsdk-platform:${options.nodeId}:sub`);
    try {
      await Promise.all([redis.ping(), sub.ping()]);
    } catch (error) {
      redis.disconnect();
      sub.disconnect();
      throw new Error(`Redis at REDIS_URL is unreachable: ${String(error)}`, { cause: error });
    }
    const cluster = new Cluster(options, redis, new Subscriber(sub));
    try {
      await cluster.heartbeat.start();
    } catch (error) {
      // Nothing is held yet: stop the renewal timer and drop both connections.
      cluster.leases.stop();
      redis.disconnect();
      sub.disconnect();
      throw new Error(`Redis at REDIS_URL refused the heartbeat: ${String(error)}`, {
        cause: error,
      });
    }
    return cluster;
  }

  /** Releases every lease this node holds (the sessions are paused first) and disconnects. */
  async close(): Promise<void> {
    this.leases.stop();
    await this.leases.releaseAll();
    await this.heartbeat.stop();
    await this.bus.close();
    await this.subscriber.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
