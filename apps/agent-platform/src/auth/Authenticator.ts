import type { AuditLog } from '../audit/AuditLog.js';
import type { RateLimit } from '../config/PlatformConfig.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { RateLimiter } from '../limits/RateLimiter.js';
import { TokenError } from './TokenError.js';
import { verifyTokenClaims, type VerifiedToken } from './tokens.js';

/**
 * Token checks shared by HTTP and WebSocket: verify (signature, claims, age), and write every
 * failure to the audit log, throttled per client address so a flood of bad tokens cannot fill
 * the log.
 */
export class Authenticator {
  constructor(
    private readonly deps: {
      jwtSecret: string;
      maxTokenAgeSec: number;
      audit: AuditLog;
      limiter: RateLimiter;
      /** A client address may fail this often; beyond, it gets 429 and no audit rows. */
      failureLimit: RateLimit;
    },
  ) {}

  async verify(
    token: string | undefined,
    where: { route: string; ip: string | null },
  ): Promise<VerifiedToken> {
    try {
      if (!token) {
        throw new PlatformError(
          'unauthorized',
          "Unauthorized: send 'Authorization: Bearer <jwt>' (or ?token= on a WebSocket).",
        );
      }
      return await verifyTokenClaims(this.deps.jwtSecret, token, {
        maxAgeSec: this.deps.maxTokenAgeSec,
      });
    } catch (error) {
      await this.refused(error, where);
      throw error;
    }
  }

  /** Audit a refused token (or throw 429 instead when its address fails too often). */
  private async refused(
    error: unknown,
    where: { route: string; ip: string | null },
  ): Promise<void> {
    const decision = await this.deps.limiter.take(
      `auth-failure:${where.ip ?? '?'}`,
      this.deps.failureLimit,
    );
    if (!decision.allowed) {
      const retryAfterSec = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new PlatformError(
        'rate_limited',
        `Too many failed authentications from this address; retry in ${retryAfterSec} s.`,
        { details: { scope: 'address', retryAfterSec } },
      );
    }
    const subject = error instanceof TokenError ? error.subject : undefined;
    this.deps.audit.record({
      kind: 'auth_failure',
      route: where.route,
      ip: where.ip,
      tenantId: subject?.tenantId ?? null,
      userId: subject?.userId ?? null,
      detail:
        error instanceof TokenError
          ? error.reason
          : PlatformError.is(error)
            ? error.message
            : 'invalid',
    });
  }
}
