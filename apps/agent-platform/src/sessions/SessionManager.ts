import { randomUUID } from 'node:crypto';
import {
  AgentSDKError,
  ClaudeSDKClient,
  type ClaudeAgentOptions,
  type SDKMessage,
  type SDKResultMessage,
} from '@agentsdk/core';
import type { Principal } from '../auth/Principal.js';
import type { PlatformConfig } from '../config.js';
import { PlatformError } from '../errors/PlatformError.js';
import type { Metrics } from '../observability/Metrics.js';
import { backoffDelayMs, shouldRetry } from '../reliability/retryPolicy.js';
import { sleep } from '../reliability/sleep.js';
import type { SessionRecord, StoredEvent, UsageSummary } from '../store/records.js';
import type { Repository } from '../store/Repository.js';
import { BudgetMonitor } from '../tenancy/BudgetMonitor.js';
import { costDelta, startOfMonthUtc } from '../tenancy/budget.js';
import { createPathPolicy } from '../tenancy/pathPolicy.js';
import { sessionEnv } from '../tenancy/sessionEnv.js';
import { userDirs } from '../tenancy/userDirs.js';
import type { WebhookDispatcher } from '../webhooks/WebhookDispatcher.js';
import type { LiveSession, RunningTurn } from './LiveSession.js';
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
  private processes = 0;
  private readonly budgets: BudgetMonitor;

  constructor(
    private readonly config: PlatformConfig,
    private readonly repository: Repository,
    private readonly webhooks: WebhookDispatcher,
    private readonly metrics: Metrics,
  ) {
    this.budgets = new BudgetMonitor(repository, config, webhooks);
    metrics.gauge('platform_cli_processes', 'Live CLI processes', () => [[{}, this.processes]]);
    metrics.gauge('platform_sessions_loaded', 'Sessions in memory, by state', () =>
      SESSION_STATES.map((state) => [
        { state },
        [...this.live.values()].filter((s) => s.record.state === state).length,
      ]),
    );
  }

  get liveProcesses(): number {
    return this.processes;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** After a restart: sessions whose process died with the old server become `paused`. */
  async recover(): Promise<number> {
    const stale = await this.repository.listSessions({ states: ['creating', 'active', 'running'] });
    for (const record of stale) {
      const lastEventId = await this.storedLastEventId(record);
      await this.repository.updateSession(record.id, {
        state: 'paused',
        lastEventId,
        updatedAt: Date.now(),
      });
    }
    return stale.length;
  }

  startSweeper(): void {
    this.sweeper = setInterval(() => void this.sweep(), this.config.sweepIntervalMs);
    this.sweeper.unref();
  }

  /** Pause sessions idle past `idleTimeoutMs` (their processes are released). */
  async sweep(now = Date.now()): Promise<number> {
    let paused = 0;
    for (const session of this.live.values()) {
      const { state, lastActivityAt } = session.record;
      if (
        state === 'active' &&
        !session.turn &&
        now - lastActivityAt >= this.config.idleTimeoutMs
      ) {
        await this.pauseLive(session, 'idle');
        this.metrics.inc('platform_idle_pauses_total', 'Sessions paused for idleness');
        paused++;
      }
    }
    return paused;
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
    const session: LiveSession = {
      record,
      client: undefined,
      turn: undefined,
      listeners: new Set(),
    };
    this.live.set(record.id, session);
    try {
      await this.ensureProcess(session);
      await this.transition(session, 'active');
    } catch (error) {
      await this.fail(session, error);
      throw this.agentError(error, 'The agent process could not be started');
    }
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
    assertTransition(session.record.state, 'completed');
    if (session.turn) {
      session.turn.abort.abort();
      await session.client?.interrupt().catch(() => undefined);
      await this.settle(session.turn.done, this.config.interruptGraceMs);
    }
    await this.releaseProcess(session);
    if (session.record.state !== 'completed') await this.transition(session, 'completed');
    this.metrics.inc('platform_sessions_completed_total', 'Sessions ended');
    this.webhooks.emit('session.completed', this.hookData(session.record));
    this.live.delete(id);
    return session.record;
  }

  async pause(principal: Principal, id: string): Promise<SessionRecord> {
    const session = await this.owned(principal, id);
    if (session.turn) {
      throw new PlatformError(
        'session_busy',
        'A turn is running; wait for its result, then pause.',
      );
    }
    assertTransition(session.record.state, 'paused');
    await this.pauseLive(session, 'requested');
    return session.record;
  }

  async resume(principal: Principal, id: string): Promise<SessionRecord> {
    this.assertAccepting();
    const session = await this.owned(principal, id);
    assertTransition(session.record.state, 'active');
    await this.resumeLive(session);
    return session.record;
  }

  // ---- turns ----------------------------------------------------------------------------

  async chat(principal: Principal, id: string, text: string): Promise<TurnOutcome> {
    this.assertAccepting();
    const session = await this.owned(principal, id);
    if (session.turn)
      throw new PlatformError('session_busy', 'A turn is already running on this session.');
    // Claim the session before the first await, so a second chat gets `session_busy`.
    let resolveDone!: () => void;
    const turn: RunningTurn = {
      abort: new AbortController(),
      pauseAfter: false,
      done: new Promise<void>((resolve) => (resolveDone = resolve)),
    };
    session.turn = turn;
    try {
      const from = session.record.state;
      assertTransition(from === 'paused' ? 'active' : from, 'running');
      // Before a paused session is resumed: a refused turn should not start a process.
      await this.budgets.assertWithin(principal, { session_id: session.record.id });
      if (session.record.state === 'paused') await this.resumeLive(session);
    } catch (error) {
      session.turn = undefined;
      resolveDone();
      throw error;
    }
    const started = Date.now();
    try {
      await this.transition(session, 'running');
      await this.emit(session, { kind: 'user', text });
      const turnEventId = session.record.lastEventId;
      this.webhooks.emit('message.received', { ...this.hookData(session.record), text });
      const outcome = await this.runTurn(session, turn, text, turnEventId);
      this.metrics.inc('platform_turns_total', 'Turns run', {
        outcome: outcome.isError ? 'error' : 'ok',
      });
      this.metrics.observe(
        'platform_turn_duration_seconds',
        'Turn wall time',
        (Date.now() - started) / 1000,
      );
      if (turn.pauseAfter) await this.pauseLive(session, 'shutdown');
      else await this.transition(session, 'active');
      return outcome;
    } catch (error) {
      this.metrics.inc('platform_turns_total', 'Turns run', { outcome: 'failed' });
      await this.releaseProcess(session);
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
    let costUsd = 0;
    for (let attempt = 1; ; attempt++) {
      const result = await this.runAttempt(session, turn, text);
      const delta = costDelta(session.record.lastCliCostUsd, result.total_cost_usd);
      costUsd += delta;
      await this.recordUsage(session, result, delta);
      await this.budgets.afterSpend(session.record, delta, { session_id: session.record.id });
      const status = result.subtype === 'success' ? (result.api_error_status ?? null) : null;
      const interrupted = turn.abort.signal.aborted;
      if (result.is_error && !interrupted && shouldRetry(this.config.retry, attempt, status)) {
        const delayMs = backoffDelayMs(this.config.retry, attempt);
        this.metrics.inc(
          'platform_turn_retries_total',
          'Turn attempts retried after a transient API error',
        );
        await this.emit(session, { kind: 'retry', attempt, status, delayMs });
        await sleep(delayMs, turn.abort.signal);
        if (!turn.abort.signal.aborted) {
          await this.rewind(session, turnEventId);
          continue;
        }
      }
      return {
        sessionId: session.record.id,
        result:
          result.subtype === 'success' ? result.result : result.errors.join('\n') || result.subtype,
        isError: result.is_error,
        subtype: result.subtype,
        apiErrorStatus: status,
        attempts: attempt,
        costUsd,
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
    const client = await this.ensureProcess(session);
    let runawayEvent: Promise<void> | undefined;
    const runaway = setTimeout(() => {
      this.metrics.inc(
        'platform_runaway_interrupts_total',
        'Turns interrupted for running too long',
      );
      turn.abort.abort();
      void client.interrupt().catch(() => undefined);
      runawayEvent = this.emit(session, {
        kind: 'interrupt',
        reason: 'runaway',
        afterMs: this.config.maxTurnMs,
      }).catch(() => undefined);
    }, this.config.maxTurnMs);
    const kill = () => {
      // An interrupt that brings no result within the grace: end the process.
      setTimeout(() => void this.releaseProcess(session), this.config.interruptGraceMs).unref();
    };
    turn.abort.signal.addEventListener('abort', kill, { once: true });
    try {
      await client.query(text);
      for await (const message of client.receiveResponse()) {
        await this.emit(session, { kind: 'message', message });
        if (message.type === 'result') return message;
      }
      throw new PlatformError(
        'agent_failed',
        'The agent process ended before the turn had a result.',
      );
    } finally {
      clearTimeout(runaway);
      turn.abort.signal.removeEventListener('abort', kill);
      await runawayEvent; // stored before the turn's outcome is reported
    }
  }

  private async recordUsage(
    session: LiveSession,
    result: SDKResultMessage,
    delta: number,
  ): Promise<void> {
    const now = Date.now();
    const r = session.record;
    await this.repository.recordUsage({
      sessionId: r.id,
      tenantId: r.tenantId,
      userId: r.userId,
      costUsd: delta,
      inputTokens: result.usage.input_tokens ?? 0,
      outputTokens: result.usage.output_tokens ?? 0,
      numTurns: result.num_turns ?? 0,
      createdAt: now,
    });
    this.metrics.inc(
      'platform_cost_usd_total',
      'Spend recorded (USD)',
      { tenant: r.tenantId },
      delta,
    );
    await this.update(session, {
      turns: r.turns + 1,
      costUsd: r.costUsd + delta,
      lastCliCostUsd: result.total_cost_usd,
      cliSessionId: result.session_id || r.cliSessionId,
      lastEventId: r.lastEventId,
      lastActivityAt: now,
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
    const session = await this.owned(principal, id);
    let last = afterId;
    const buffered: StoredEvent[] = [];
    let replaying = true;
    const listener = (event: StoredEvent): void => {
      if (replaying) buffered.push(event);
      else if (event.id > last) {
        last = event.id;
        send(event);
      }
    };
    session.listeners.add(listener);
    for (;;) {
      const page = await this.repository.listEvents(id, last, 1000);
      for (const event of page) {
        last = event.id;
        send(event);
      }
      if (page.length < 1000) break;
    }
    for (const event of buffered) {
      if (event.id > last) {
        last = event.id;
        send(event);
      }
    }
    replaying = false;
    return () => session.listeners.delete(listener);
  }

  async events(principal: Principal, id: string, afterId: number): Promise<StoredEvent[]> {
    await this.owned(principal, id);
    return this.repository.listEvents(id, afterId);
  }

  private async emit(
    session: LiveSession,
    payload: Record<string, unknown> | { kind: 'message'; message: SDKMessage },
  ): Promise<void> {
    const event: StoredEvent = {
      sessionId: session.record.id,
      id: ++session.record.lastEventId,
      createdAt: Date.now(),
      payload,
    };
    await this.repository.appendEvent(event);
    for (const listener of session.listeners) listener(event);
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
      await s.client?.interrupt().catch(() => undefined);
    }
    await this.settle(Promise.all(running.map((s) => s.turn?.done)), this.config.interruptGraceMs);
    for (const s of this.live.values()) {
      if (
        s.record.state === 'active' ||
        s.record.state === 'running' ||
        s.record.state === 'creating'
      ) {
        await this.pauseLive(s, 'shutdown').catch(() => undefined);
      }
      await this.releaseProcess(s);
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
      record.lastEventId = await this.storedLastEventId(record);
      session = this.live.get(id) ?? {
        record,
        client: undefined,
        turn: undefined,
        listeners: new Set(),
      };
      this.live.set(id, session);
    }
    const r = session.record;
    if (r.tenantId !== principal.tenantId || r.userId !== principal.userId) {
      throw new PlatformError('forbidden', 'This session belongs to another user.');
    }
    return session;
  }

  private async storedLastEventId(record: SessionRecord): Promise<number> {
    let last = record.lastEventId;
    for (;;) {
      const page = await this.repository.listEvents(record.id, last, 1000);
      last = page.at(-1)?.id ?? last;
      if (page.length < 1000) return last;
    }
  }

  private async ensureProcess(session: LiveSession): Promise<ClaudeSDKClient> {
    if (session.client) return session.client;
    const r = session.record;
    const restart = session.restart;
    session.restart = undefined;
    // No finished turn, so nothing to resume; but a first turn cut short (killed, crashed) may
    // have left a transcript under this id, and the CLI refuses an id in use: start afresh.
    const fresh = r.turns === 0 || (restart !== undefined && 'fresh' in restart);
    if (fresh) await this.update(session, { cliSessionId: randomUUID() });
    const dirs = userDirs(this.config.dataDir, r.tenantId, r.userId);
    const limits = this.config.tiers[r.tier];
    const options: ClaudeAgentOptions = {
      cwd: dirs.workspace,
      maxTurns: limits.maxTurns,
      maxBudgetUsd: limits.maxBudgetUsd,
      maxThinkingTokens: limits.maxThinkingTokens,
      canUseTool: createPathPolicy({ workspace: dirs.workspace }),
      env: sessionEnv({
        serverEnv: process.env,
        cliEnv: this.config.cliEnv,
        tenantEnv: this.config.tenantEnv[r.tenantId],
        home: dirs.home,
        tmp: dirs.tmp,
      }),
      stderr: () => undefined,
      ...(this.config.cliPath ? { cliPath: this.config.cliPath } : {}),
      ...(this.config.model ? { model: this.config.model } : {}),
      ...(r.systemPrompt ? { systemPrompt: r.systemPrompt } : {}),
      // A session with turns has a CLI transcript to continue; a fresh one gets our id.
      ...(fresh
        ? { sessionId: r.cliSessionId }
        : {
            resume: r.cliSessionId,
            ...(restart && 'resumeAt' in restart ? { resumeSessionAt: restart.resumeAt } : {}),
          }),
    };
    const client = new ClaudeSDKClient(options);
    this.processes++;
    try {
      await client.connect();
    } catch (error) {
      this.processes--;
      await client.disconnect().catch(() => undefined);
      throw error;
    }
    session.client = client;
    return client;
  }

  /**
   * Before a retry. The failed attempt left the prompt (and the API error) in the CLI's
   * conversation; sending the prompt again would show the model it twice. So the next process
   * resumes at the last assistant message before this turn, or starts fresh if there is none.
   */
  private async rewind(session: LiveSession, turnEventId: number): Promise<void> {
    await this.releaseProcess(session);
    const uuid = await this.lastAssistantUuid(session.record.id, turnEventId);
    session.restart = uuid === undefined ? { fresh: true } : { resumeAt: uuid };
  }

  /** The main conversation's last assistant message stored before event `beforeId`. */
  private async lastAssistantUuid(
    sessionId: string,
    beforeId: number,
  ): Promise<string | undefined> {
    let found: string | undefined;
    for (let after = 0; ;) {
      const page = await this.repository.listEvents(sessionId, after, 1000);
      for (const event of page) {
        if (event.id >= beforeId) return found;
        const p = event.payload as { kind?: unknown; message?: SDKMessage };
        if (
          p.kind === 'message' &&
          p.message?.type === 'assistant' &&
          p.message.parent_tool_use_id === null
        ) {
          found = p.message.uuid;
        }
      }
      if (page.length < 1000) return found;
      after = page[page.length - 1]!.id;
    }
  }

  private async releaseProcess(session: LiveSession): Promise<void> {
    const client = session.client;
    if (!client) return;
    session.client = undefined;
    this.processes--;
    await client.disconnect().catch(() => undefined);
  }

  private async pauseLive(session: LiveSession, reason: string): Promise<void> {
    await this.releaseProcess(session);
    if (session.record.state !== 'paused') {
      await this.transition(session, 'paused', reason);
    }
  }

  private async resumeLive(session: LiveSession): Promise<void> {
    assertTransition(session.record.state, 'active');
    try {
      await this.ensureProcess(session);
    } catch (error) {
      throw this.agentError(error, 'The agent process could not be restarted');
    }
    await this.transition(session, 'active');
  }

  private async transition(session: LiveSession, to: SessionState, reason?: string): Promise<void> {
    assertTransition(session.record.state, to);
    await this.update(session, {
      state: to,
      lastEventId: session.record.lastEventId,
      lastActivityAt: Date.now(),
    });
    await this.emit(session, { kind: 'state', state: to, ...(reason ? { reason } : {}) });
  }

  private async fail(session: LiveSession, error: unknown): Promise<void> {
    await this.releaseProcess(session);
    const message = error instanceof Error ? error.message : String(error);
    await this.update(session, { state: 'error', error: message.slice(0, 2000) }).catch(
      () => undefined,
    );
    await this.emit(session, {
      kind: 'state',
      state: 'error',
      reason: message.slice(0, 500),
    }).catch(() => undefined);
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
