import { PlatformError } from '../domain/PlatformError.js';
import { ID_PATTERN } from '../domain/Principal.js';

export type TokenRejection = 'expired' | 'too_old' | 'bad_signature' | 'invalid';

/**
 * A 401 for a refused token. `subject` is set only when the signature held (expired, too old),
 * so the audit log can name whose token it was without trusting a forged one.
 */
export class TokenError extends PlatformError {
  readonly subject: { tenantId: string; userId: string } | undefined;

  constructor(
    readonly reason: TokenRejection,
    what: string,
    verifiedClaims?: Record<string, unknown>,
    cause?: unknown,
  ) {
    super('unauthorized', `Unauthorized: ${what}. Send a valid 'Authorization: Bearer <jwt>'.`, {
      cause,
      details: { reason },
    });
    const tenant = verifiedClaims?.['tenant'];
    const sub = verifiedClaims?.['sub'];
    this.subject =
      typeof tenant === 'string' &&
      typeof sub === 'string' &&
      ID_PATTERN.test(tenant) &&
      ID_PATTERN.test(sub)
        ? { tenantId: tenant, userId: sub }
        : undefined;
  }
}
