import type { Redis } from 'ioredis';
import type { RateLimit } from '../config/PlatformConfig.js';
import type { RateDecision, RateLimiter } from './RateLimiter.js';

/** `MemoryRateLimiter`'s token bucket, run inside Redis so every node takes from one bucket. */
const TAKE = `
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = burst
if state[1] then
  tokens = math.min(burst, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * perMs)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
local refill = 60000
if perMs > 0 then refill = math.ceil(burst / perMs) end
redis.call('PEXPIRE', KEYS[1], refill)
if allowed == 1 then return -1 end
if perMs <= 0 then return -2 end
return math.ceil((1 - tokens) / perMs)`;

/** Token buckets shared by every node of a cluster (one `EVAL` per request). */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(key: string, limit: RateLimit, now = Date.now()): Promise<RateDecision> {
    const result = Number(
      await this.redis.eval(
        TAKE,
        1,
        `${this.prefix}rate:${key}`,
        String(limit.burst),
        String(limit.perMinute / 60_000),
        String(now),
      ),
    );
    if (result === -1) return { allowed: true };
    return { allowed: false, retryAfterMs: result === -2 ? Number.POSITIVE_INFINITY : result };
  }
}
