import type { SessionRecord } from '../domain/records.js';

/** What clients see of a session (no server paths, no CLI ids). */
export interface SessionView {
  id: string;
  tenantId: string;
  userId: string;
  tier: string;
  state: string;
  turns: number;
  costUsd: number;
  lastEventId: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export function sessionView(r: SessionRecord): SessionView {
  return {
    id: r.id,
    tenantId: r.tenantId,
    userId: r.userId,
    tier: r.tier,
    state: r.state,
    turns: r.turns,
    costUsd: r.costUsd,
    lastEventId: r.lastEventId,
    error: r.error,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
