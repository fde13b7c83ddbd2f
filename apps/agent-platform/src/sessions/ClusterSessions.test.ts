import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster/Cluster.js';
import type { LeaseHolder } from '../cluster/SessionLeases.js';
import type { Principal } from '../domain/Principal.js';
import type { SessionRecord } from '../domain/records.js';
import { Metrics } from '../observability/Metrics.js';
import type { Repository } from '../store/Repository.js';
import { ClusterSessions } from './ClusterSessions.js';
import type { SessionManager } from './SessionManager.js';

const principal: Principal = { userId: 'u', tenantId: 't', tier: 'pro', role: 'user' };
const record = { id: 'S', state: 'paused' } as SessionRecord;

/** Leases as Redis keeps them, one await away like the real ones; this node is `B`. */
class Leases {
  readonly ttlMs = 10_000;
  readonly held = new Map<string, number>();
  readonly holders = new Map<string, LeaseHolder>();
  acquired = 0;
  get heldCount(): number {
    return this.held.size;
  }
  heldToken(id: string): number | undefined {
    return this.held.get(id);
  }
  async holder(id: string): Promise<LeaseHolder | undefined> {
    await null;
    return this.holders.get(id);
  }
  async acquire(id: string): Promise<number | undefined> {
    await null;
    if (this.holders.has(id)) return undefined;
    const token = ++this.acquired;
    this.holders.set(id, { nodeId: 'B', token });
    this.held.set(id, token);
    return token;
  }
  async release(id: string): Promise<void> {
    this.held.delete(id);
    this.holders.delete(id);
  }
}

/** A manager whose adoption waits for the test; every call records whether it came after it. */
function manager() {
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const state = { adoptions: 0, adopted: false, calls: [] as boolean[] };
  const fake = {
    get: async () => record,
    adopt: async () => {
      state.adoptions++;
      await gate;
      state.adopted = true;
    },
    pause: async () => {
      state.calls.push(state.adopted);
      return record;
    },
    loaded: () => undefined,
    forget: () => {},
    evict: async () => {},
    shutdown: async () => {},
  };
  return { fake: fake as unknown as SessionManager, state, openGate };
}

function sessions(leases: Leases, manager: SessionManager): ClusterSessions {
  const cluster = { nodeId: 'B', leases, bus: {}, once: {}, heartbeat: {} } as unknown as Cluster;
  const config = {
    maxTurnMs: 1000,
    interruptGraceMs: 100,
    retry: { maxAttempts: 1, maxDelayMs: 1 },
  };
  return new ClusterSessions(manager, cluster, {} as Repository, config as never, new Metrics());
}

describe('ClusterSessions on one node', () => {
  it('two calls on an unowned session share one adoption and both run after it', async () => {
    const leases = new Leases();
    const { fake, state, openGate } = manager();
    const service = sessions(leases, fake);
    const first = service.pause(principal, 'S');
    const second = service.pause(principal, 'S');
    await expect.poll(() => state.adoptions).toBe(1);
    // The lease is already this node's (the second call may see it) but the session is not loaded.
    await expect.poll(() => leases.heldToken('S')).toBe(1);
    expect(state.calls).toEqual([]);
    openGate();
    await expect(Promise.all([first, second])).resolves.toEqual([record, record]);
    expect(state).toMatchObject({ adoptions: 1, calls: [true, true] });
    expect(leases.acquired).toBe(1);
    // Nothing runs on the session any more: its lease goes.
    await expect.poll(() => leases.heldToken('S')).toBeUndefined();
  });
});
