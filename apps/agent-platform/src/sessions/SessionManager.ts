import { randomUUID } from 'node:crypto';
import type { Principal } from '../domain/Principal.js';
import type { PlatformConfig } from '../config/PlatformConfig.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { Metrics } from '../observability/Metrics.js';
import type { SessionRecord, StoredEvent, UsageSummary } from '../domain/records.js';
import type { Repository } from '../store/Repository.js';
import { BudgetMonitor } from '../tenancy/BudgetMonitor.js';
import { startOfMonthUtc } from '../tenancy/budget.js';
import type { ModelProxy } from '../proxy/ModelProxy.js';
import { userDirs } from '../tenancy/userDirs.js';
import type { WebhookDispatcher } from '../webhooks/WebhookDispatcher.js';
import { CliProcesses } from './CliProcesses.js';
import { liveSession, type LiveSession, type RunningTurn } from './LiveSession.js';
import { SessionEvents, type EventFeed } from './SessionEvents.js';
import { UsageLedger } from './UsageLedger.js';
import { drainSessions } from './drainSessions.js';
import { settle, SessionSteps } from './SessionSteps.js';
import { Sweeper } from './Sweeper.js';
import { TurnRunner } from './TurnRunner.js';
import { assertTransition, OPEN_STATES, SESSION_STATES } from '../domain/sessionState.js';
import type { TurnOutcome } from '../domain/TurnOutcome.js';

/** What the session manager needs from the cluster (see `ClusterSessions`); none on one node. */
export interface ClusterHooks {
  feed: EventFeed;
  /** A new session: take its lease and record the fencing token before its process starts. */
  claimNew(session: LiveSession): Promise<void>;
  /** A session's process was released here: its lease can go once nothing else runs on it. */
  released(session: LiveSession): void;
  /** True for the first caller per key across the cluster (once-only notifications). */
  claimOnce(key: string): Promise<boolean>;
  /** This node run, in whose name model requests hold budget (released when it dies). */
  holder: string;
}

/**
 * Owns every session and its lifecycle (create, chat, pause, resume, end) for the API: access
 * checks, per-user and per-session serialisation, budgets before a turn, webhooks. Its jobs live
 * beside it: `TurnRunner` (a turn and its retries), `Sweeper` (idle and runaway cleanup),
 * `drainSessions` (shutdown), `CliProcesses` and `UsageLedger` (processes and spend).
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();
  private readonly userLocks = new Map<string, Promise<unknown>>();
  private draining = false;
  private readonly budgets: BudgetMonitor;
  private readonly cli: CliProcesses;
  private readonly log: SessionEvents;
  private readonly steps: SessionSteps;
  private readonly turns: TurnRunner;
  private readonly sweeper: Sweeper;

  constructor(
    private readonly config: PlatformConfig,
    private readonly repository: Repository,
    private readonly webhooks: WebhookDispatcher,
    private readonly metrics: Metrics,
    proxy: ModelProxy,
    private readonly cluster?: ClusterHooks,
  ) {
    this.budgets = new BudgetMonitor(repository, config, webhooks, Date.now, cluster?.claimOnce);
    const update = (session: LiveSession, patch: Partial<SessionRecord>) =>
      this.steps.update(session, patch);
    this.log = new SessionEvents(repository, cluster?.feed);
    const ledger = new UsageLedger(
      config,
      repository,
      this.budgets,
      metrics,
      update,
      (s, p) => this.log.emit(s, p),
      cluster?.holder,
    );
    this.cli = new CliProcesses(config, proxy, ledger, update);
    if (cluster) this.cli.onReleased = (session) => cluster.released(session);
    this.steps = new SessionSteps(repository, this.log, this.cli);
    this.turns = new TurnRunner(config, repository, metrics, this.log, this.cli, this.steps);
    this.sweeper = new Sweeper(config, metrics, this.log, this.cli, this.steps, () => [
      ...this.live.values(),
    ]);
    metrics.gauge('platform_cli_processes', 'Live CLI processes', () => [[{}, this.cli.count]]);
    metrics.gauge('platform_sessions_loaded', 'Sessions in memory, by state', () =>
      SESSION_STATES.map((state) => [
        { state },
        [...this.live.values()].filter((s) => s.record.state === state).length,
      ]),
    );
  }

  get liveProcesses(): number {
    return this.cli.count;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** After a restart: sessions whose process died with the old server become `paused`. */
  async recover(): Promise<number> {
    // Other nodes run their sessions; a dead node's are taken over when next asked for (`adopt`).
    if (this.cluster) return 0;
    const stale = await this.repository.listSessions({ states: ['creating', 'active', 'running'] });
    for (const record of stale) {
      const lastEventId = await this.log.lastStoredId(record);
      await this.repository.updateSession(record.id, {
        state: 'paused',
        lastEventId,
        updatedAt: Date.now(),
      });
    }
    return stale.length;
  }

  startSweeper(): void {
    this.sweeper.start();
  }

  /** See `Sweeper.sweep`; `now` is injectable so tests need not wait. */
  sweep(now = Date.now()): Promise<number> {
    return this.sweeper.sweep(now);
  }

  // ---- sessions -------------------------------------------------------------------------

  async create(
    principal: Principal,
    input: { systemPrompt?: string | undefined },
  ): Promise<SessionRecord> {
    this.assertAccepting();
    const limits = this.config.tiers[principal.tier];
    const record = await this.withUserLock(principal, async () => {
      await this.budgets.assertWithin(principal);
      const dirs = userDirs(this.config.dataDir, principal.tenantId, principal.userId);
      const now = Date.now();
      const created: SessionRecord = {
        id: randomUUID(),
        tenantId: principal.tenantId,
        userId: principal.userId,
        tier: principal.tier,
        state: 'creating',
        cliSessionId: randomUUID(),
        workspace: dirs.workspace,
        systemPrompt: input.systemPrompt ?? null,
        turns: 0,
        costUsd: 0,
        lastCliCostUsd: 0,
        lastEventId: 0,
        error: null,
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
      };
      // Counted and inserted in one transaction under a per-user lock: servers sharing the
      // database cannot both see room for one more.
      const open = await this.repository.insertSessionCapped(created, limits.concurrentSessions);
      if (open !== undefined) {
        throw new PlatformError(
          'too_many_sessions',
          `The ${principal.tier} tier allows ${limits.concurrentSessions} open session(s) per user; end one (DELETE /api/sessions/:id) first.`,
          { details: { limit: limits.concurrentSessions, open } },
        );
      }
      return created;
    });
    const session = liveSession(record);
    this.live.set(record.id, session);
    await this.steps.locked(session, async () => {
      try {
        await this.cluster?.claimNew(session);
        await this.cli.ensure(session);
        await this.steps.transition(session, 'active');
      } catch (error) {
        await this.fail(session, error);
        throw this.steps.agentError(error, 'The agent process could not be started');
      }
    });
    this.metrics.inc('platform_sessions_created_total', 'Sessions created', {
      tier: principal.tier,
    });
    this.webhooks.emit('session.created', this.hookData(record));
    return record;
  }

  async get(principal: Principal, id: string): Promise<SessionRecord> {
    return (await this.owned(principal, id)).record;
  }

  async list(principal: Principal): Promise<SessionRecord[]> {
    return this.repository.listSessions({ tenantId: principal.tenantId, userId: principal.userId });
  }

  async end(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.owned(principal, id);
    return this.steps.locked(session, async () => {
      assertTransition(session.record.state, 'completed');
      // From here no process starts for it (a retry's restart included).
      session.closed = true;
      if (session.turn) {
        session.turn.abort.abort();
        this.cli.interrupt(session);
        await settle(session.turn.done, this.config.interruptGraceMs);
      }
      await this.cli.release(session);
      if (session.record.state !== 'completed') await this.steps.transition(session, 'completed');
      this.metrics.inc('platform_sessions_completed_total', 'Sessions ended');
      this.webhooks.emit('session.completed', this.hookData(session.record));
      this.live.delete(id);
      return session.record;
    });
  }

  async pause(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.owned(principal, id);
    return this.steps.locked(session, async () => {
      this.assertIdle(session, 'pause');
      assertTransition(session.record.state, 'paused');
      await this.steps.pauseLive(session, 'requested');
      return session.record;
    });
  }

  async resume(principal: Principal, id: string): Promise<SessionRecord> {
    this.assertAccepting();
    const session = await this.owned(principal, id);
    return this.steps.locked(session, async () => {
      this.assertIdle(session, 'resume');
      assertTransition(session.record.state, 'active');
      await this.resumeLive(session);
      return session.record;
    });
  }

  private assertIdle(session: LiveSession, what: string): void {
    if (session.turn) {
      throw new PlatformError(
        'session_busy',
        `A turn is running; wait for its result, then ${what}.`,
      );
    }
  }

  // ---- turns ----------------------------------------------------------------------------

  async chat(principal: Principal, id: string, text: string): Promise<TurnOutcome> {
    this.assertAccepting();
    const session = await this.owned(principal, id);
    let resolveDone!: () => void;
    const turn: RunningTurn = {
      principal,
      abort: new AbortController(),
      pauseAfter: false,
      startedAt: Date.now(),
      costUsd: 0,
      done: new Promise<void>((resolve) => (resolveDone = resolve)),
    };
    // Claim the session and get it to `running` under its lock: a second chat, a pause or the
    // sweeper sees the turn, and an end() waits for this step instead of racing it.
    await this.steps.locked(session, async () => {
      if (session.turn)
        throw new PlatformError('session_busy', 'A turn is already running on this session.');
      const from = session.record.state;
      assertTransition(from === 'paused' ? 'active' : from, 'running');
      session.turn = turn;
      try {
        // Before a paused session is resumed: a refused turn should not start a process.
        await this.budgets.assertWithin(principal, { session_id: session.record.id });
        if (session.record.state === 'paused') await this.resumeLive(session);
        await this.steps.transition(session, 'running');
      } catch (error) {
        session.turn = undefined;
        resolveDone();
        throw error;
      }
    });
    try {
      await this.log.emit(session, { kind: 'user', text });
      const turnEventId = session.record.lastEventId;
      this.webhooks.emit('message.received', { ...this.hookData(session.record), text });
      const outcome = await this.turns.run(session, turn, text, turnEventId);
      this.metrics.inc('platform_turns_total', 'Turns run', {
        outcome: outcome.isError ? 'error' : 'ok',
      });
      this.metrics.observe(
        'platform_turn_duration_seconds',
        'Turn wall time',
        (Date.now() - turn.startedAt) / 1000,
      );
      if (turn.pauseAfter) await this.steps.pauseLive(session, 'shutdown');
      else await this.steps.transition(session, 'active');
      return outcome;
    } catch (error) {
      this.metrics.inc('platform_turns_total', 'Turns run', { outcome: 'failed' });
      await this.cli.release(session);
      if (session.record.state === 'running') {
        await this.steps
          .transition(session, turn.pauseAfter ? 'paused' : 'active')
          .catch(() => undefined);
      }
      throw this.steps.agentError(error, 'The turn failed');
    } finally {
      session.turn = undefined;
      resolveDone();
    }
  }

  // ---- usage ----------------------------------------------------------------------------

  async usage(
    principal: Principal,
    scope: { userId?: string },
  ): Promise<{
    month: UsageSummary;
    allTime: UsageSummary;
    limitUsd: number;
  }> {
    const userId = scope.userId;
    const since = startOfMonthUtc(Date.now());
    const filter = { tenantId: principal.tenantId, ...(userId === undefined ? {} : { userId }) };
    return {
      month: await this.repository.usageSummary({ ...filter, since }),
      allTime: await this.repository.usageSummary(filter),
      limitUsd:
        userId === undefined
          ? this.config.tenantMonthlyBudgetUsd
          : this.config.tiers[principal.tier].monthlyBudgetUsd,
    };
  }

  // ---- stream ---------------------------------------------------------------------------

  /**
   * Subscribe to a session's events after `afterId`: stored ones first, then live ones, in
   * order and without gaps or repeats. Returns the unsubscribe function.
   */
  async subscribe(
    principal: Principal,
    id: string,
    afterId: number,
    send: (event: StoredEvent) => void,
  ): Promise<() => void> {
    return this.log.subscribe(await this.owned(principal, id), afterId, send);
  }

  async events(principal: Principal, id: string, afterId: number): Promise<StoredEvent[]> {
    await this.owned(principal, id);
    return this.repository.listEvents(id, afterId);
  }

  // ---- shutdown -------------------------------------------------------------------------

  /**
   * Stop accepting, give in-flight turns `shutdownGraceMs` to finish, interrupt the rest and
   * pause every session with a process (released, persisted as `paused`, resumable later).
   */
  async shutdown(): Promise<void> {
    this.draining = true;
    this.sweeper.stop();
    await drainSessions([...this.live.values()], this.config, this.cli, this.steps);
  }

  // ---- cluster ----------------------------------------------------------------------------

  /**
   * Cluster mode: this node just took the session's lease (token `fence`). Load it afresh from
   * the database, record the token there (older owners' writes are refused from now on), and if
   * its previous owner died with a process (state still active or running), mark it `paused`:
   * the next chat resumes it from its transcript in the shared data directory.
   */
  async adopt(id: string, fence: number): Promise<void> {
    const cached = this.live.get(id);
    if (cached && (cached.client || cached.turn)) return;
    this.live.delete(id);
    const record = await this.repository.getSession(id);
    if (!record) throw new PlatformError('not_found', `No session ${JSON.stringify(id)}.`);
    if (!(await this.repository.claimSession(id, fence))) {
      throw new PlatformError('lease_lost', 'Another node took this session over; retry.');
    }
    record.lastEventId = await this.log.lastStoredId(record);
    const session = liveSession(record);
    session.fence = fence;
    if (!OPEN_STATES.includes(record.state)) return;
    this.live.set(id, session);
    if (record.state !== 'paused') {
      await this.steps.update(session, { state: 'paused', lastEventId: record.lastEventId });
    }
  }

  /** The session as this node holds it, if it does. */
  loaded(id: string): LiveSession | undefined {
    return this.live.get(id);
  }

  /** Drops a session this node no longer owns (no process, no turn) from memory. */
  forget(id: string): void {
    const session = this.live.get(id);
    if (session && !session.client && !session.turn) this.live.delete(id);
  }

  /** The lease was lost (another node has the session): stop its process here, write nothing. */
  async evict(id: string): Promise<void> {
    const session = this.live.get(id);
    if (!session) return;
    this.live.delete(id);
    session.closed = true;
    session.turn?.abort.abort();
    await this.cli.release(session);
  }

  // ---- internals ------------------------------------------------------------------------

  private assertAccepting(): void {
    if (this.draining)
      throw new PlatformError('shutting_down', 'The server is shutting down; retry shortly.');
  }

  /** The session, if it exists (404) and belongs to the caller (403). */
  private async owned(principal: Principal, id: string): Promise<LiveSession> {
    let session = this.live.get(id);
    if (!session) {
      const record = await this.repository.getSession(id);
      if (!record) throw new PlatformError('not_found', `No session ${JSON.stringify(id)}.`);
      // Events are written before the record's counter; the log is the truth.
      record.lastEventId = await this.log.lastStoredId(record);
      session = this.live.get(id) ?? liveSession(record);
      // Ended sessions are read, not kept: memory holds open sessions only. In cluster mode
      // only sessions this node owns (`adopt`): another node's would go stale here.
      if (OPEN_STATES.includes(record.state) && !this.cluster) this.live.set(id, session);
      else session.closed = true;
    }
    const r = session.record;
    if (r.tenantId !== principal.tenantId || r.userId !== principal.userId) {
      throw new PlatformError('forbidden', 'This session belongs to another user.');
    }
    return session;
  }

  private async resumeLive(session: LiveSession): Promise<void> {
    assertTransition(session.record.state, 'active');
    try {
      await this.cli.ensure(session);
      await this.steps.transition(session, 'active');
    } catch (error) {
      await this.cli.release(session);
      throw this.steps.agentError(error, 'The agent process could not be restarted');
    }
  }

  private async fail(session: LiveSession, error: unknown): Promise<void> {
    session.closed = true;
    await this.cli.release(session);
    this.cluster?.released(session);
    const message = error instanceof Error ? error.message : String(error);
    await this.steps
      .update(session, { state: 'error', error: message.slice(0, 2000) })
      .catch(() => undefined);
    await this.log
      .emit(session, {
        kind: 'state',
        state: 'error',
        reason: message.slice(0, 500),
      })
      .catch(() => undefined);
  }

  private hookData(r: SessionRecord): Record<string, unknown> {
    return {
      session_id: r.id,
      tenant_id: r.tenantId,
      user_id: r.userId,
      tier: r.tier,
      cost_usd: r.costUsd,
    };
  }

  private async withUserLock<T>(principal: Principal, fn: () => Promise<T>): Promise<T> {
    const key = `${principal.tenantId}/${principal.userId}`;
    const previous = this.userLocks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    this.userLocks.set(key, next);
    try {
      return await next;
    } finally {
      if (this.userLocks.get(key) === next) this.userLocks.delete(key);
    }
  }
}
