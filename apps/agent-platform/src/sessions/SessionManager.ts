import { randomUUID } from 'node:crypto';
import { AgentSDKError, type SDKResultMessage } from '@agentsdk/core';
import type { Principal } from '../auth/Principal.js';
import type { PlatformConfig } from '../config.js';
import { PlatformError } from '../errors/PlatformError.js';
import type { Metrics } from '../observability/Metrics.js';
import { backoffDelayMs, shouldRetry } from '../reliability/retryPolicy.js';
import { sleep } from '../reliability/sleep.js';
import type { SessionRecord, StoredEvent, UsageSummary } from '../store/records.js';
import type { Repository } from '../store/Repository.js';
import { BudgetMonitor } from '../tenancy/BudgetMonitor.js';
import { startOfMonthUtc } from '../tenancy/budget.js';
import type { ModelProxy } from '../proxy/ModelProxy.js';
import { userDirs } from '../tenancy/userDirs.js';
import type { WebhookDispatcher } from '../webhooks/WebhookDispatcher.js';
import { CliProcesses } from './CliProcesses.js';
import { liveSession, type LiveSession, type RunningTurn } from './LiveSession.js';
import { SessionEvents } from './SessionEvents.js';
import { UsageLedger } from './UsageLedger.js';
import { restartPoint } from './restartPoint.js';
import {
  assertTransition,
  OPEN_STATES,
  SESSION_STATES,
  type SessionState,
} from './sessionState.js';
import type { TurnOutcome } from './TurnOutcome.js';

/**
 * Owns every session: state transitions, CLI processes (one per active session, released on
 * pause), turns with retries, usage deltas, budgets, stream events, idle/runaway cleanup and
 * the shutdown sequence.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();
  private readonly userLocks = new Map<string, Promise<unknown>>();
  private draining = false;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;
  private readonly budgets: BudgetMonitor;
  private readonly cli: CliProcesses;
  private readonly log: SessionEvents;

  constructor(
    private readonly config: PlatformConfig,
    private readonly repository: Repository,
    private readonly webhooks: WebhookDispatcher,
    private readonly metrics: Metrics,
    proxy: ModelProxy,
  ) {
    this.budgets = new BudgetMonitor(repository, config, webhooks);
    const update = (session: LiveSession, patch: Partial<SessionRecord>) =>
      this.update(session, patch);
    this.log = new SessionEvents(repository);
    const ledger = new UsageLedger(config, repository, this.budgets, metrics, update, (s, p) =>
      this.log.emit(s, p),
    );
    this.cli = new CliProcesses(config, proxy, ledger, update);
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
    this.sweeper = setInterval(() => {
      // One sweep at a time: a slow one (processes stopping) is not overtaken by the next.
      this.sweeping ??= this.sweep()
        .catch(() => 0)
        .finally(() => (this.sweeping = undefined));
    }, this.config.sweepIntervalMs);
    this.sweeper.unref();
  }

  /**
   * Interrupt turns running past `maxTurnMs` (runaway) and pause sessions idle past
   * `idleTimeoutMs` (their processes released). `now` is injectable so tests need not wait.
   * Returns the number of sessions paused or interrupted.
   */
  async sweep(now = Date.now()): Promise<number> {
    let swept = 0;
    for (const session of [...this.live.values()]) {
      try {
        if (session.turn) {
          if (now - session.turn.startedAt >= this.config.maxTurnMs) {
            if (await this.interruptRunaway(session, session.turn)) swept++;
          }
        } else if (await this.pauseIfIdle(session, now)) swept++;
      } catch {
        // The session changed under the sweep (ended, failed); the next sweep sees it anew.
      }
    }
    return swept;
  }

  private async pauseIfIdle(session: LiveSession, now: number): Promise<boolean> {
    return this.locked(session, async () => {
      const { state, lastActivityAt } = session.record;
      if (state !== 'active' || session.turn || now - lastActivityAt < this.config.idleTimeoutMs) {
        return false;
      }
      await this.pauseLive(session, 'idle');
      this.metrics.inc('platform_idle_pauses_total', 'Sessions paused for idleness');
      return true;
    });
  }

  private async interruptRunaway(session: LiveSession, turn: RunningTurn): Promise<boolean> {
    if (turn.abort.signal.aborted) return false;
    this.metrics.inc('platform_runaway_interrupts_total', 'Turns interrupted for running too long');
    turn.abort.abort();
    await this.log.emit(session, {
      kind: 'interrupt',
      reason: 'runaway',
      afterMs: this.config.maxTurnMs,
    });
    this.cli.interrupt(session);
    return true;
  }

  // ---- sessions -------------------------------------------------------------------------

  async create(
    principal: Principal,
    input: { systemPrompt?: string | undefined },
  ): Promise<SessionRecord> {
    this.assertAccepting();
    const limits = this.config.tiers[principal.tier];
    const record = await this.withUserLock(principal, async () => {
      const open = await this.repository.listSessions({
        tenantId: principal.tenantId,
        userId: principal.userId,
        states: OPEN_STATES,
      });
      if (open.length >= limits.concurrentSessions) {
        throw new PlatformError(
          'too_many_sessions',
          `The ${principal.tier} tier allows ${limits.concurrentSessions} open session(s) per user; end one (DELETE /api/sessions/:id) first.`,
          { details: { limit: limits.concurrentSessions, open: open.length } },
        );
      }
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
      await this.repository.insertSession(created);
      return created;
    });
    const session = liveSession(record);
    this.live.set(record.id, session);
    await this.locked(session, async () => {
      try {
        await this.cli.ensure(session);
        await this.transition(session, 'active');
      } catch (error) {
        await this.fail(session, error);
        throw this.agentError(error, 'The agent process could not be started');
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
    return this.locked(session, async () => {
      assertTransition(session.record.state, 'completed');
      // From here no process starts for it (a retry's restart included).
      session.closed = true;
      if (session.turn) {
        session.turn.abort.abort();
        this.cli.interrupt(session);
        await this.settle(session.turn.done, this.config.interruptGraceMs);
      }
      await this.cli.release(session);
      if (session.record.state !== 'completed') await this.transition(session, 'completed');
      this.metrics.inc('platform_sessions_completed_total', 'Sessions ended');
      this.webhooks.emit('session.completed', this.hookData(session.record));
      this.live.delete(id);
      return session.record;
    });
  }

  async pause(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.owned(principal, id);
    return this.locked(session, async () => {
      this.assertIdle(session, 'pause');
      assertTransition(session.record.state, 'paused');
      await this.pauseLive(session, 'requested');
      return session.record;
    });
  }

  async resume(principal: Principal, id: string): Promise<SessionRecord> {
    this.assertAccepting();
    const session = await this.owned(principal, id);
    return this.locked(session, async () => {
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
    await this.locked(session, async () => {
      if (session.turn)
        throw new PlatformError('session_busy', 'A turn is already running on this session.');
      const from = session.record.state;
      assertTransition(from === 'paused' ? 'active' : from, 'running');
      session.turn = turn;
      try {
        // Before a paused session is resumed: a refused turn should not start a process.
        await this.budgets.assertWithin(principal, { session_id: session.record.id });
        if (session.record.state === 'paused') await this.resumeLive(session);
        await this.transition(session, 'running');
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
      const outcome = await this.runTurn(session, turn, text, turnEventId);
      this.metrics.inc('platform_turns_total', 'Turns run', {
        outcome: outcome.isError ? 'error' : 'ok',
      });
      this.metrics.observe(
        'platform_turn_duration_seconds',
        'Turn wall time',
        (Date.now() - turn.startedAt) / 1000,
      );
      if (turn.pauseAfter) await this.pauseLive(session, 'shutdown');
      else await this.transition(session, 'active');
      return outcome;
    } catch (error) {
      this.metrics.inc('platform_turns_total', 'Turns run', { outcome: 'failed' });
      await this.cli.release(session);
      if (session.record.state === 'running') {
        await this.transition(session, turn.pauseAfter ? 'paused' : 'active').catch(
          () => undefined,
        );
      }
      throw this.agentError(error, 'The turn failed');
    } finally {
      session.turn = undefined;
      resolveDone();
    }
  }

  private async runTurn(
    session: LiveSession,
    turn: RunningTurn,
    text: string,
    turnEventId: number,
  ): Promise<TurnOutcome> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.runAttempt(session, turn, text);
      await this.afterAttempt(session, result);
      const status = result.subtype === 'success' ? (result.api_error_status ?? null) : null;
      const interrupted = turn.abort.signal.aborted;
      const budgetStop = turn.budgetExceeded;
      if (
        result.is_error &&
        !interrupted &&
        !budgetStop &&
        shouldRetry(this.config.retry, attempt, status)
      ) {
        const delayMs = backoffDelayMs(this.config.retry, attempt);
        this.metrics.inc(
          'platform_turn_retries_total',
          'Turn attempts retried after a transient API error',
        );
        await this.log.emit(session, { kind: 'retry', attempt, status, delayMs });
        await sleep(delayMs, turn.abort.signal);
        if (!turn.abort.signal.aborted) {
          const restart = await restartPoint(this.repository, session.record.id, turnEventId);
          if (restart) {
            await this.cli.release(session);
            session.restart = restart;
          }
          continue;
        }
      }
      await this.update(session, { turns: session.record.turns + 1 });
      return {
        sessionId: session.record.id,
        result:
          budgetStop ??
          (result.subtype === 'success'
            ? result.result
            : result.errors.join('\n') || result.subtype),
        isError: result.is_error,
        subtype: result.subtype,
        apiErrorStatus: status,
        attempts: attempt,
        costUsd: turn.costUsd,
        budgetExceeded: budgetStop !== undefined,
        lastEventId: session.record.lastEventId,
        interrupted,
      };
    }
  }

  /** One attempt: send the prompt, stream messages to the log until the result. */
  private async runAttempt(
    session: LiveSession,
    turn: RunningTurn,
    text: string,
  ): Promise<SDKResultMessage> {
    const client = await this.cli.ensure(session);
    // Stopped while the process was starting (end, shutdown, runaway): do not send the prompt.
    if (turn.abort.signal.aborted) {
      throw new PlatformError('agent_failed', 'The turn was stopped before it started.');
    }
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      // An interrupt that brings no result within the grace: stop this attempt's process (not
      // one a later turn may have started by then).
      killTimer = setTimeout(() => {
        if (session.client === client) void this.cli.release(session);
      }, this.config.interruptGraceMs);
    };
    turn.abort.signal.addEventListener('abort', kill, { once: true });
    try {
      await client.query(text);
      for await (const message of client.receiveResponse()) {
        await this.log.emit(session, { kind: 'message', message });
        if (message.type === 'result') return message;
      }
      throw new PlatformError(
        'agent_failed',
        'The agent process ended before the turn had a result.',
      );
    } finally {
      clearTimeout(killTimer);
      turn.abort.signal.removeEventListener('abort', kill);
    }
  }

  /** After each attempt: what the CLI says of its session (spend comes from the proxy). */
  private async afterAttempt(session: LiveSession, result: SDKResultMessage): Promise<void> {
    const r = session.record;
    await this.update(session, {
      cliSessionId: result.session_id || r.cliSessionId,
      lastEventId: r.lastEventId,
      lastActivityAt: Date.now(),
    });
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
    if (this.sweeper) clearInterval(this.sweeper);
    const running = [...this.live.values()].filter((s) => s.turn);
    for (const s of running) if (s.turn) s.turn.pauseAfter = true;
    await this.settle(Promise.all(running.map((s) => s.turn?.done)), this.config.shutdownGraceMs);
    for (const s of running) {
      if (!s.turn) continue;
      s.turn.abort.abort();
      this.cli.interrupt(s);
    }
    await this.settle(Promise.all(running.map((s) => s.turn?.done)), this.config.interruptGraceMs);
    for (const s of [...this.live.values()]) {
      await this.locked(s, async () => {
        const { state } = s.record;
        if (state === 'active' || state === 'running' || state === 'creating') {
          await this.pauseLive(s, 'shutdown').catch(() => undefined);
        }
        await this.cli.release(s);
      }).catch(() => undefined);
    }
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
      // Ended sessions are read, not kept: memory holds open sessions only.
      if (OPEN_STATES.includes(record.state)) this.live.set(id, session);
      else session.closed = true;
    }
    const r = session.record;
    if (r.tenantId !== principal.tenantId || r.userId !== principal.userId) {
      throw new PlatformError('forbidden', 'This session belongs to another user.');
    }
    return session;
  }

  private async pauseLive(session: LiveSession, reason: string): Promise<void> {
    await this.cli.release(session);
    if (session.record.state !== 'paused') {
      await this.transition(session, 'paused', reason);
    }
  }

  private async resumeLive(session: LiveSession): Promise<void> {
    assertTransition(session.record.state, 'active');
    try {
      await this.cli.ensure(session);
      await this.transition(session, 'active');
    } catch (error) {
      await this.cli.release(session);
      throw this.agentError(error, 'The agent process could not be restarted');
    }
  }

  private async transition(session: LiveSession, to: SessionState, reason?: string): Promise<void> {
    assertTransition(session.record.state, to);
    await this.update(session, {
      state: to,
      lastEventId: session.record.lastEventId,
      lastActivityAt: Date.now(),
    });
    await this.log.emit(session, { kind: 'state', state: to, ...(reason ? { reason } : {}) });
  }

  private async fail(session: LiveSession, error: unknown): Promise<void> {
    session.closed = true;
    await this.cli.release(session);
    const message = error instanceof Error ? error.message : String(error);
    await this.update(session, { state: 'error', error: message.slice(0, 2000) }).catch(
      () => undefined,
    );
    await this.log
      .emit(session, {
        kind: 'state',
        state: 'error',
        reason: message.slice(0, 500),
      })
      .catch(() => undefined);
  }

  private async update(session: LiveSession, patch: Partial<SessionRecord>): Promise<void> {
    const updatedAt = Date.now();
    Object.assign(session.record, patch, { updatedAt });
    await this.repository.updateSession(session.record.id, { ...patch, updatedAt });
  }

  private agentError(error: unknown, what: string): unknown {
    if (PlatformError.is(error)) return error;
    const detail = AgentSDKError.is(error) ? `${error.code}: ${error.message}` : String(error);
    return new PlatformError('agent_failed', `${what}: ${detail}`, { cause: error });
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

  /** Runs `fn` after the session's earlier lifecycle steps (see `LiveSession.lock`). */
  private async locked<T>(session: LiveSession, fn: () => Promise<T>): Promise<T> {
    const run = session.lock.then(fn);
    session.lock = run.catch(() => undefined);
    return run;
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

  private async settle(promise: Promise<unknown>, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      promise.catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
