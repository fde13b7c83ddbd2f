import type { SessionState } from './sessionState.js';
import type { TierName } from './tiers.js';

export interface SessionRecord {
  id: string;
  tenantId: string;
  userId: string;
  tier: TierName;
  state: SessionState;
  /** The CLI's session id, for `resume`. */
  cliSessionId: string;
  workspace: string;
  systemPrompt: string | null;
  /** Turns completed (results received). */
  turns: number;
  /** Spend of this session, the sum of its usage deltas. */
  costUsd: number;
  /** The CLI's last cumulative `total_cost_usd`, to compute the next delta. */
  lastCliCostUsd: number;
  /** The last event id given out on this session's stream. */
  lastEventId: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number;
}

export type SessionPatch = Partial<Omit<SessionRecord, 'id' | 'tenantId' | 'userId' | 'createdAt'>>;

/** One message of a session's stream, with its id (1, 2, … per session). */
export interface StoredEvent {
  sessionId: string;
  id: number;
  createdAt: number;
  payload: unknown;
}

export interface UsageRecord {
  sessionId: string;
  tenantId: string;
  userId: string;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  numTurns: number;
  createdAt: number;
  /** The model request it paid for (the API's message id); unique per session. */
  requestId?: string | undefined;
}

export interface UsageSummary {
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  numTurns: number;
  records: number;
}

export interface WebhookDeliveryRecord {
  eventId: string;
  eventType: string;
  url: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  error: string | null;
  createdAt: number;
}

/**
 * A webhook event not delivered yet (`webhook_outbox`): any server may claim it once it is due
 * and nobody else holds it, so a delivery outlives the server that queued it.
 */
export interface WebhookOutboxRecord {
  eventId: string;
  eventType: string;
  url: string;
  /** The JSON body, signed afresh at each attempt. */
  body: string;
  /** Attempts made (counting the one just claimed). */
  attempts: number;
  /** Epoch ms when the next attempt is due. */
  nextAt: number;
  createdAt: number;
}

/** One line of the append-only audit log: auth failures, refusals, admin reads. */
export interface AuditRecord {
  id: string;
  at: number;
  /** `auth_failure`, `forbidden`, `rate_limited`, `admin_read`, … */
  kind: string;
  /** Set when known and verified (a forged token names nobody). */
  tenantId: string | null;
  userId: string | null;
  /** `GET /api/…` or `ws /api/sessions/:id/stream`. */
  route: string;
  /** The client address as the socket saw it. */
  ip: string | null;
  detail: string | null;
}
