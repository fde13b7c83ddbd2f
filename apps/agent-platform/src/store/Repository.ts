import type { SessionState } from '../domain/sessionState.js';
import type {
  AuditRecord,
  SessionPatch,
  SessionRecord,
  StoredEvent,
  UsageRecord,
  UsageSummary,
  WebhookDeliveryRecord,
} from '../domain/records.js';

export interface SessionFilter {
  tenantId?: string;
  userId?: string;
  states?: readonly SessionState[];
}

export interface UsageFilter {
  tenantId: string;
  userId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
}

/** Everything the platform persists. SQLite and PostgreSQL implement it (`SqlRepository`). */
export interface Repository {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  insertSession(session: SessionRecord): Promise<void>;
  /**
   * With `fence`, only while the session's fencing token is still `fence` (its owner has not
   * changed): else `lease_lost` and nothing is written.
   */
  updateSession(id: string, patch: SessionPatch, fence?: number): Promise<void>;
  /** Records `fence` as the session's owner token if it is newer; false when it is not. */
  claimSession(id: string, fence: number): Promise<boolean>;
  /**
   * Inserts the session unless its user already has `maxOpen` open sessions, atomically across
   * every server sharing the database. Returns the open count it saw, or undefined if inserted.
   */
  insertSessionCapped(session: SessionRecord, maxOpen: number): Promise<number | undefined>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  listSessions(filter: SessionFilter): Promise<SessionRecord[]>;
  /** With `fence`: as `updateSession`. */
  appendEvent(event: StoredEvent, fence?: number): Promise<void>;
  listEvents(sessionId: string, afterId: number, limit?: number): Promise<StoredEvent[]>;
  /** Once per `requestId` and session (PostgreSQL); false when it was already recorded. */
  recordUsage(usage: UsageRecord): Promise<boolean>;
  /**
   * PostgreSQL: under a per-tenant lock, reads this month's spend plus the holds of requests in
   * flight (user's and tenant's), asks `amount` how much to hold for one more request, holds it
   * (if > 0) and answers the spend it saw. Servers sharing the database see each other's holds.
   */
  holdBudget(hold: BudgetHold): Promise<SpentUsd>;
  releaseBudgetHold(id: string): Promise<void>;
  usageSummary(filter: UsageFilter): Promise<UsageSummary>;
  recordWebhookDelivery(delivery: WebhookDeliveryRecord): Promise<void>;
  listWebhookDeliveries(eventId?: string): Promise<WebhookDeliveryRecord[]>;
  close(): Promise<void>;
  /** Append only: nothing updates or deletes an audit record. */
  appendAudit(record: AuditRecord): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<AuditRecord[]>;
  /**
   * Ended (`completed`) sessions, last updated before `endedBefore`, not yet purged, whose
   * workspace starts with `workspacePrefix` (this server's data directory: servers sharing a
   * PostgreSQL database each purge their own).
   */
  sessionsToPurge(
    endedBefore: number,
    workspacePrefix: string,
    limit: number,
  ): Promise<SessionRecord[]>;
  /** Drop a session's events (its conversation) and mark it purged. */
  markPurged(sessionId: string, at: number): Promise<void>;
}

export interface SpentUsd {
  userUsd: number;
  tenantUsd: number;
}

export interface BudgetHold {
  id: string;
  tenantId: string;
  userId: string;
  /** Start of the budget period (epoch ms). */
  since: number;
  /** Holds older than this are a crashed server's and no longer count. */
  staleBefore: number;
  amount(spent: SpentUsd): number;
}

export interface AuditFilter {
  tenantId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  limit: number;
}
