import { randomUUID } from 'node:crypto';
import type { SessionRecord } from '../src/domain/records.js';

/** A fresh session row for repository tests: new ids, timestamps now, `fields` over the rest. */
export function sessionRecord(fields: Partial<SessionRecord> = {}): SessionRecord {
  const now = Date.now();
  return {
    id: randomUUID(),
    tenantId: 'acme',
    userId: 'ada',
    tier: 'free',
    state: 'active',
    cliSessionId: randomUUID(),
    workspace: '/w',
    systemPrompt: null,
    turns: 0,
    costUsd: 0,
    lastCliCostUsd: 0,
    lastEventId: 0,
    error: null,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    ...fields,
  };
}
