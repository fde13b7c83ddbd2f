import type { Cluster } from '../cluster/Cluster.js';
import { NodeGoneError } from '../cluster/NodeBus.js';
import type { LeaseHolder } from '../cluster/SessionLeases.js';
import type { PlatformConfig } from '../config/PlatformConfig.js';
import type { Principal } from '../domain/Principal.js';
import type { Metrics } from '../observability/Metrics.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { SessionRecord, StoredEvent, UsageSummary } from '../domain/records.js';
import type { TurnOutcome } from '../domain/TurnOutcome.js';
import type { Repository } from '../store/Repository.js';
import type { LiveSession } from './LiveSession.js';
import type { ClusterHooks, SessionManager } from './SessionManager.js';
import type { SessionService } from './SessionService.js';

/** The calls that run where the session's CLI runs. */
type Op = 'chat' | 'end' | 'pause' | 'resume';

interface Forwarded {
  principal: Principal;
  id: string;
  message?: string;
}

/** How often a caller re-reads a lease it waits on (a crashed owner's, or one being handed over). */
const LEASE_POLL_MS = 100;

/**
 * Sessions in cluster mode: any node answers any request. Reads come from the database. A call
 * that needs the session's CLI (chat, end, pause, resume) runs on the node holding its lease:
 * here if it is this node; carried over Redis to the holder otherwise, its answer (or error)
 * carried back; and if nobody holds it, this node takes the lease and adopts the session. A
 * holder that is gone (its channel has no listener) is waited out until its lease lapses.
 */
export class ClusterSessions implements SessionService {
  /** Calls running here per session: its lease stays while any does. */
  private readonly inflight = new Map<string, number>();
  /**
   * Adoptions under way here, by session: every call on this node that finds the session
   * unowned, or being adopted, waits for the one adoption instead of running on a session that
   * is leased but not loaded yet, or taking this node's own fresh lease for a dead run's.
   */
  private readonly adopting = new Map<string, Promise<boolean>>();

  constructor(
    private readonly manager: SessionManager,
    private readonly cluster: Cluster,
    private readonly repository: Repository,
    private readonly config: Pick<PlatformConfig, 'maxTurnMs' | 'interruptGraceMs' | 'retry'>,
    private readonly metrics: Metrics,
  ) {
    metrics.gauge('platform_session_leases', 'Session leases this node holds', () => [
      [{}, cluster.leases.heldCount],
    ]);
    cluster.onLeaseLost = (id) => {
      console.error(`[platform] lost the lease of session ${id}; stopping it on this node`);
      void manager.evict(id);
    };
  }

  /** The manager's side of the cluster (its event feed, leases for new sessions, once-keys). */
  static hooks(
    cluster: Cluster,
    repository: Repository,
    ref: { current?: ClusterSessions },
  ): ClusterHooks {
    return {
      feed: cluster.events,
      claimNew: async (session: LiveSession) => {
        const token = await cluster.leases.acquire(session.record.id);
        if (token === undefined)
          throw new PlatformError('lease_lost', 'A new session was already leased.');
        await repository.claimSession(session.record.id, token);
        session.fence = token;
      },
      released: (session: LiveSession) => ref.current?.released(session),
      claimOnce: (key: string) => cluster.once.claim(key, 40 * 86_400_000),
      holder: cluster.heartbeat.incarnation,
    };
  }

  private orphanTimer: NodeJS.Timeout | undefined;

  /** Starts answering requests other nodes forward here, and the sweep for orphaned sessions. */
  async start(sweepIntervalMs: number): Promise<void> {
    this.orphanTimer = setInterval(() => {
      void this.sweepOrphans().catch((error: unknown) =>
        console.error('[platform] sweeping orphaned sessions failed', error),
      );
    }, sweepIntervalMs);
    this.orphanTimer.unref();
    await this.cluster.bus.serve(
      async ({ op, payload }) => {
        const { principal, id, message } = payload as Forwarded;
        // Held until the answer is out (`answered`): a caller that sees the lease go before
        // the answer arrives would take the call for lost.
        this.enter(id);
        // Forwarded here because this node just took the lease: let the adoption finish first.
        const adopted = await this.adopting.get(id)?.catch(() => false);
        if (adopted === false || this.cluster.leases.heldToken(id) === undefined) {
          throw new PlatformError('lease_lost', 'This node no longer runs the session; retry.');
        }
        return this.local(op as Op, principal, id, message);
      },
      ({ payload }) => this.leave((payload as Forwarded).id),
    );
  }

  get isDraining(): boolean {
    return this.manager.isDraining;
  }

  get liveProcesses(): number {
    return this.manager.liveProcesses;
  }

  async create(
    principal: Principal,
    input: { systemPrompt?: string | undefined },
  ): Promise<SessionRecord> {
    const record = await this.manager.create(principal, input);
    return record;
  }

  get(principal: Principal, id: string): Promise<SessionRecord> {
    return this.manager.get(principal, id);
  }

  list(principal: Principal): Promise<SessionRecord[]> {
    return this.manager.list(principal);
  }

  usage(
    principal: Principal,
    scope: { userId?: string },
  ): Promise<{ month: UsageSummary; allTime: UsageSummary; limitUsd: number }> {
    return this.manager.usage(principal, scope);
  }

  subscribe(
    principal: Principal,
    id: string,
    afterId: number,
    send: (event: StoredEvent) => void,
  ): Promise<() => void> {
    return this.manager.subscribe(principal, id, afterId, send);
  }

  events(principal: Principal, id: string, afterId: number): Promise<StoredEvent[]> {
    return this.manager.events(principal, id, afterId);
  }

  chat(principal: Principal, id: string, message: string): Promise<TurnOutcome> {
    return this.route('chat', principal, id, message) as Promise<TurnOutcome>;
  }

  end(principal: Principal, id: string): Promise<SessionRecord> {
    return this.route('end', principal, id) as Promise<SessionRecord>;
  }

  pause(principal: Principal, id: string): Promise<SessionRecord> {
    return this.route('pause', principal, id) as Promise<SessionRecord>;
  }

  resume(principal: Principal, id: string): Promise<SessionRecord> {
    return this.route('resume', principal, id) as Promise<SessionRecord>;
  }

  /**
   * Sessions a crashed node left `creating`/`active`/`running` with no lease: adopted (marked
   * `paused`, see `SessionManager.adopt`) and let go, so lists show the truth before anyone asks
   * for them. One node sweeps at a time; a session changed within the lease TTL is left alone
   * (it may be one being created right now, before its lease is taken). Returns the number.
   */
  async sweepOrphans(now = Date.now()): Promise<number> {
    const { leases, once } = this.cluster;
    // The lock outlives a sweep but not by much: a node killed mid-sweep held it for a minute
    // before, and no other node swept in that time (seen in CI).
    const lockMs = Math.max(2 * leases.ttlMs, 5_000);
    const swept = await once.exclusive('orphans', lockMs, async () => {
      let count = 0;
      const stale = await this.repository.listSessions({
        states: ['creating', 'active', 'running'],
      });
      for (const record of stale) {
        if (now - record.updatedAt < leases.ttlMs || (await leases.holder(record.id))) continue;
        this.enter(record.id);
        try {
          if (await this.adoptHere(record.id)) count++;
        } catch {
          // Taken or changed meanwhile: its new owner has it.
        } finally {
          this.leave(record.id);
        }
      }
      await this.releaseDeadHolds(now);
      return count;
    });
    return swept ?? 0;
  }

  /**
   * Budget held by model requests of node runs whose heartbeat lapsed (crashed): those requests
   * died with their node and will never record usage, so their holds stop counting now rather
   * than after `HOLD_STALE_MS`. Holds younger than the TTL are left (their node may be starting).
   */
  private async releaseDeadHolds(now: number): Promise<void> {
    const { heartbeat, leases } = this.cluster;
    const holders = await this.repository.budgetHolders(now - leases.ttlMs);
    for (const holder of await heartbeat.dead(holders)) {
      const released = await this.repository.releaseBudgetHoldsOf(holder);
      console.error(
        `[platform] node run ${holder} is gone (no heartbeat): released its ${released} budget hold(s)`,
      );
      this.metrics.inc(
        'platform_budget_holds_released_total',
        'Budget holds of crashed node runs released',
        {},
        released,
      );
    }
  }

  /** Pauses every session here (`SessionManager.shutdown`); their leases go with their processes. */
  async shutdown(): Promise<void> {
    clearInterval(this.orphanTimer);
    await this.manager.shutdown();
    await this.cluster.leases.releaseAll();
  }

  private async route(
    op: Op,
    principal: Principal,
    id: string,
    message?: string,
  ): Promise<unknown> {
    // 404 and 403 from the database before anything is taken or forwarded.
    await this.manager.get(principal, id);
    const deadline = Date.now() + this.cluster.leases.ttlMs * 4 + 10_000;
    while (Date.now() < deadline) {
      if (!this.adopting.has(id) && this.cluster.leases.heldToken(id) !== undefined)
        return this.local(op, principal, id, message);
      const holder = this.adopting.has(id) ? undefined : await this.cluster.leases.holder(id);
      if (!holder || this.adopting.has(id)) {
        // Held from here until the call ends (and longer if it leaves a process running).
        this.enter(id);
        try {
          if (!(await this.adoptHere(id))) continue; // another node was faster: ask it
          return await this.local(op, principal, id, message);
        } finally {
          this.leave(id);
        }
      }
      if (holder.nodeId === this.cluster.nodeId) {
        // Ours by name but not in memory: a previous run of this node id died; let it lapse.
        await this.waitFor(id, holder);
        continue;
      }
      this.metrics.inc('platform_forwarded_requests_total', 'Requests carried to the owning node', {
        op,
      });
      try {
        return await this.cluster.bus.request(
          holder.nodeId,
          { op, payload: { principal, id, message } satisfies Forwarded },
          {
            timeoutMs: op === 'chat' ? this.turnBudgetMs() : 60_000,
            stillThere: async () => sameHolder(await this.cluster.leases.holder(id), holder),
          },
        );
      } catch (error) {
        if (error instanceof NodeGoneError) {
          await this.waitFor(id, holder);
          continue;
        }
        if (
          PlatformError.is(error) &&
          (error.code === 'lease_lost' || error.code === 'shutting_down')
        ) {
          // The holder is handing the session over (draining, or it just let it go).
          await this.waitFor(id, holder);
          continue;
        }
        throw error;
      }
    }
    throw new PlatformError(
      'node_unavailable',
      'The node running this session did not hand it over in time; retry shortly.',
    );
  }

  /**
   * Takes the lease of an unowned session and adopts it, once per session however many calls on
   * this node ask at the same time. True when this node now runs it; false when another node
   * took the lease first.
   */
  private adoptHere(id: string): Promise<boolean> {
    let adoption = this.adopting.get(id);
    if (adoption) return adoption;
    adoption = (async () => {
      const token = await this.cluster.leases.acquire(id);
      if (token === undefined) return false;
      await this.manager.adopt(id, token);
      this.metrics.inc('platform_sessions_adopted_total', 'Sessions taken over by this node');
      return true;
    })();
    this.adopting.set(id, adoption);
    const done = (): void => {
      if (this.adopting.get(id) === adoption) this.adopting.delete(id);
    };
    adoption.then(done, done);
    return adoption;
  }

  /** Runs the call on this node's manager; the lease goes once nothing runs on the session. */
  private async local(
    op: Op,
    principal: Principal,
    id: string,
    message?: string,
  ): Promise<unknown> {
    this.enter(id);
    try {
      switch (op) {
        case 'chat':
          return await this.manager.chat(principal, id, message ?? '');
        case 'end':
          return await this.manager.end(principal, id);
        case 'pause':
          return await this.manager.pause(principal, id);
        case 'resume':
          return await this.manager.resume(principal, id);
      }
    } finally {
      this.leave(id);
    }
  }

  private enter(id: string): void {
    this.inflight.set(id, (this.inflight.get(id) ?? 0) + 1);
  }

  private leave(id: string): void {
    const left = (this.inflight.get(id) ?? 1) - 1;
    if (left > 0) this.inflight.set(id, left);
    else {
      this.inflight.delete(id);
      void this.settle(id);
    }
  }

  /** A process was released here (pause, idle sweep, end, shutdown): maybe let the lease go. */
  released(session: LiveSession): void {
    // After the step that released it (it still writes the state change under the lease).
    void session.lock.then(() => this.settle(session.record.id));
  }

  /** Lets the lease go when the session has no process, no turn and no call running here. */
  private async settle(id: string): Promise<void> {
    if (this.inflight.has(id) || this.cluster.leases.heldToken(id) === undefined) return;
    const session = this.manager.loaded(id);
    if (session && (session.client || session.turn)) return;
    await session?.lock;
    if (this.inflight.has(id) || session?.client || session?.turn) return;
    this.manager.forget(id);
    await this.cluster.leases.release(id);
  }

  /** Until the lease changes hands (released, lapsed, or taken), at most its TTL and a margin. */
  private async waitFor(id: string, holder: LeaseHolder): Promise<void> {
    const until = Date.now() + this.cluster.leases.ttlMs + 2000;
    while (Date.now() < until) {
      if (!sameHolder(await this.cluster.leases.holder(id), holder)) return;
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
  }

  /** The longest a forwarded chat may take: a turn, its retries' waits, and its interrupt. */
  private turnBudgetMs(): number {
    const { maxTurnMs, interruptGraceMs, retry } = this.config;
    return maxTurnMs + interruptGraceMs + retry.maxAttempts * retry.maxDelayMs + 30_000;
  }
}

function sameHolder(a: LeaseHolder | undefined, b: LeaseHolder): boolean {
  return a !== undefined && a.nodeId === b.nodeId && a.token === b.token;
}
