import type { SessionState } from '../domain/sessionState.js';
import type {
  AuditRecord,
  SessionPatch,
  SessionRecord,
  StoredEvent,
  UsageRecord,
  UsageSummary,
  WebhookDeliveryRecord,
  WebhookOutboxRecord,
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
  /** The holders (node runs) of holds created before `createdBefore` (none on SQLite). */
  budgetHolders(createdBefore: number): Promise<string[]>;
  /** Drops every hold of `holder` (a node run known dead); answers how many. */
  releaseBudgetHoldsOf(holder: string): Promise<number>;
  usageSummary(filter: UsageFilter): Promise<UsageSummary>;
  recordWebhookDelivery(delivery: WebhookDeliveryRecord): Promise<void>;
  listWebhookDeliveries(eventId?: string): Promise<WebhookDeliveryRecord[]>;
  /** Queues a delivery already claimed by its caller (`claim` until `claimedUntil`). */
  enqueueWebhook(record: WebhookOutboxRecord, claim: WebhookClaim): Promise<void>;
  /**
   * Claims up to `limit` due deliveries nobody holds (only `eventId`, if given), counting one
   * more attempt each; servers sharing the database never claim the same one (PostgreSQL:
   * `FOR UPDATE SKIP LOCKED`).
   */
  claimWebhooks(
    claim: WebhookClaim,
    options: { now: number; limit: number; eventId?: string },
  ): Promise<WebhookOutboxRecord[]>;
  /** While `claim` still holds it: due again at `nextAt`, held by nobody. False if it did not. */
  rescheduleWebhook(eventId: string, claim: string, nextAt: number): Promise<boolean>;
  /** While `claim` still holds it: delivered or given up, removed. */
  finishWebhook(eventId: string, claim: string): Promise<void>;
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
  /** The node run holding it (`NodeHeartbeat.incarnation`): its holds go when it dies. */
  holder?: string;
  amount(spent: SpentUsd): number;
}

/** Who holds a queued webhook delivery, and until when (epoch ms). */
export interface WebhookClaim {
  claim: string;
  claimedUntil: number;
}

export interface AuditFilter {
  tenantId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  limit: number;
}
