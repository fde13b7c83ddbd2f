import type { SessionState } from '../sessions/sessionState.js';
import type {
  SessionPatch,
  SessionRecord,
  StoredEvent,
  UsageRecord,
  UsageSummary,
  WebhookDeliveryRecord,
} from './records.js';

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
}
