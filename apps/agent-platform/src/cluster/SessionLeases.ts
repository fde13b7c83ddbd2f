import type { Redis } from 'ioredis';

/** Takes the lease if nobody holds it; the fencing token comes from a counter that only grows. */
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. token, 'PX', ARGV[2])
return token`;

/**
 * For each (lease, fence counter) key pair: extends the lease if it is still exactly ours; if it
 * lapsed (a stall longer than its TTL) and the counter shows nobody took it since, takes it back
 * with the same token. Answers 1 per kept lease, 0 per lost one. One call for all of a node's.
 */
const RENEW = `
local result = {}
for i = 1, #KEYS, 2 do
  local mine = ARGV[i + 1]
  local current = redis.call('GET', KEYS[i])
  if current == mine then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
    result[#result + 1] = 1
  elseif not current and redis.call('GET', KEYS[i + 1]) == ARGV[i + 2] then
    redis.call('SET', KEYS[i], mine, 'PX', ARGV[1])
    result[#result + 1] = 1
  else
    result[#result + 1] = 0
  end
end
return result`;

/** Drops the lease only if it is still ours: a lapsed lease taken by another node stays theirs. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface LeaseHolder {
  nodeId: string;
  token: number;
}

/**
 * Which node runs a session's CLI: a Redis key per session (`SET` with an expiry) whose value
 * is `<node> <fencing token>`. The holder renews every `ttlMs / 3`; a node that dies stops
 * renewing and the lease lapses. The token grows with every new holder, and the database refuses
 * writes carrying an older one (see `Repository.claimSession`), so a node that lost its lease
 * without knowing (a long GC pause) cannot overwrite the new owner's work.
 */
export class SessionLeases {
  /** Session id → the token this node holds. */
  private readonly held = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly nodeId: string,
    readonly ttlMs: number,
    /** A renewal found the lease gone or taken: stop the session's work on this node. */
    private readonly onLost: (sessionId: string) => void,
  ) {
    this.timer = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(ttlMs / 3)));
    this.timer.unref();
  }

  private key(sessionId: string): string {
    return `${this.prefix}lease:${sessionId}`;
  }

  /** The token this node holds for the session, if any. */
  heldToken(sessionId: string): number | undefined {
    return this.held.get(sessionId);
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Takes the lease; the new fencing token, or undefined when another node holds it. */
  async acquire(sessionId: string): Promise<number | undefined> {
    const token = (await this.redis.eval(
      ACQUIRE,
      2,
      this.key(sessionId),
      `${this.prefix}fence:${sessionId}`,
      this.nodeId,
      String(this.ttlMs),
    )) as number | null;
    if (token === null) return undefined;
    this.held.set(sessionId, Number(token));
    return Number(token);
  }

  async holder(sessionId: string): Promise<LeaseHolder | undefined> {
    const value = await this.redis.get(this.key(sessionId));
    if (!value) return undefined;
    const [nodeId, token] = value.split(' ');
    return { nodeId: nodeId ?? '', token: Number(token) };
  }

  async release(sessionId: string): Promise<void> {
    const token = this.held.get(sessionId);
    if (token === undefined) return;
    this.held.delete(sessionId);
    await this.redis
      .eval(RELEASE, 1, this.key(sessionId), `${this.nodeId} ${token}`)
      .catch(() => undefined); // unreachable Redis: the lease lapses by itself
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((id) => this.release(id)));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private renewing = false;

  private async renewAll(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    this.renewing = true;
    const leases = [...this.held];
    try {
      const keys: string[] = [];
      const args: string[] = [String(this.ttlMs)];
      for (const [sessionId, token] of leases) {
        keys.push(this.key(sessionId), `${this.prefix}fence:${sessionId}`);
        args.push(`${this.nodeId} ${token}`, String(token));
      }
      const kept = (await this.redis.eval(RENEW, keys.length, ...keys, ...args)) as number[];
      leases.forEach(([sessionId, token], i) => {
        if (kept[i] === 1 || this.held.get(sessionId) !== token) return;
        this.held.delete(sessionId);
        this.onLost(sessionId);
      });
    } catch {
      // Redis unreachable for now: the next renewal tries again (a lapsed lease is taken back
      // if nobody else took it meanwhile).
    } finally {
      this.renewing = false;
    }
  }
}
