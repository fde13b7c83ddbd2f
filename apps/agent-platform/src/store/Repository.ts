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
  updateSession(id: string, patch: SessionPatch): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  listSessions(filter: SessionFilter): Promise<SessionRecord[]>;
  appendEvent(event: StoredEvent): Promise<void>;
  listEvents(sessionId: string, afterId: number, limit?: number): Promise<StoredEvent[]>;
  recordUsage(usage: UsageRecord): Promise<void>;
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

export interface AuditFilter {
  tenantId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  limit: number;
}
