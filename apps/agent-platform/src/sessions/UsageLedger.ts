import type { PlatformConfig } from '../config/PlatformConfig.js';
import type { Metrics } from '../observability/Metrics.js';
import { randomUUID } from 'node:crypto';
import type { BudgetGrant, MeteredUsage, ProxySession, Upstream } from '../proxy/ProxySession.js';
import type { SessionRecord } from '../domain/records.js';
import type { Repository, SpentUsd } from '../store/Repository.js';
import { startOfMonthUtc } from '../tenancy/budget.js';
import type { BudgetMonitor, BudgetOwner } from '../tenancy/BudgetMonitor.js';
import type { LiveSession } from './LiveSession.js';

/**
 * Spend as the model proxy counts it, one usage record per model request, written before the
 * CLI sees the answer end. It does not depend on the CLI's own `total_cost_usd` (which starts
 * again at 0 in a resumed CLI), so it stays exact across pause, resume, retries and restarts.
 */
export class UsageLedger {
  constructor(
    private readonly config: PlatformConfig,
    private readonly repository: Repository,
    private readonly budgets: BudgetMonitor,
    private readonly metrics: Metrics,
    private readonly update: (session: LiveSession, patch: Partial<SessionRecord>) => Promise<void>,
    /** Appends an event to the session's stream (the chat page shows the spend from it). */
    private readonly emit: (
      session: LiveSession,
      payload: Record<string, unknown>,
    ) => Promise<void>,
    /**
     * Cluster mode: requests hold their budget in the database, seen by every server, in the
     * name of this node run (`NodeHeartbeat.incarnation`), so a crashed run's holds can go.
     */
    private readonly holder?: string,
  ) {}

  /** The proxy's view of one session's CLI process. */
  proxySession(session: LiveSession, key: string, upstream: Upstream): ProxySession {
    return {
      sessionId: session.record.id,
      key,
      upstream,
      remainingUsd: () => this.remainingUsd(session),
      ...(this.holder !== undefined ? { reserve: (fit) => this.reserve(session, fit) } : {}),
      record: (usage) => this.record(session, usage),
      budgetExceeded: (message) => {
        const turn = session.turn;
        if (!turn || turn.budgetExceeded !== undefined) return;
        turn.budgetExceeded = message;
        const owner = ownerOf(session);
        void this.budgets
          .stopped(
            owner,
            { spentUsd: turn.costUsd, capUsd: this.config.tiers[owner.tier].maxBudgetUsd },
            { session_id: session.record.id },
          )
          .catch(() => undefined);
      },
    };
  }

  /** The smallest of: the user's and the tenant's monthly budget left, and the turn's cap. */
  async remainingUsd(session: LiveSession): Promise<number> {
    const owner = ownerOf(session);
    const checks = await this.budgets.checks(owner);
    const turnCap = this.config.tiers[owner.tier].maxBudgetUsd - (session.turn?.costUsd ?? 0);
    return Math.min(turnCap, ...checks.map((c) => c.limitUsd - c.usedUsd));
  }

  /**
   * What is left, and a hold on what this request may cost, in one transaction: concurrent
   * requests of one user or tenant on any server each see the others' holds, so together they
   * cannot pass the budget.
   */
  async reserve(session: LiveSession, fit: (remainingUsd: number) => number): Promise<BudgetGrant> {
    const owner = ownerOf(session);
    const now = Date.now();
    const id = randomUUID();
    const turnCap = this.config.tiers[owner.tier].maxBudgetUsd - (session.turn?.costUsd ?? 0);
    const left = (spent: SpentUsd): number =>
      Math.min(
        turnCap,
        this.config.tiers[owner.tier].monthlyBudgetUsd - spent.userUsd,
        this.config.tenantMonthlyBudgetUsd - spent.tenantUsd,
      );
    const spent = await this.repository.holdBudget({
      id,
      tenantId: owner.tenantId,
      userId: owner.userId,
      since: startOfMonthUtc(now),
      staleBefore: now - HOLD_STALE_MS,
      ...(this.holder !== undefined ? { holder: this.holder } : {}),
      amount: (seen) => fit(left(seen)),
    });
    return {
      remainingUsd: left(spent),
      release: () => this.repository.releaseBudgetHold(id),
    };
  }

  private async record(session: LiveSession, usage: MeteredUsage): Promise<void> {
    const r = session.record;
    const now = Date.now();
    const recorded = await this.repository.recordUsage({
      requestId: usage.requestId,
      sessionId: r.id,
      tenantId: r.tenantId,
      userId: r.userId,
      costUsd: usage.costUsd,
      inputTokens: usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens,
      outputTokens: usage.outputTokens,
      numTurns: 1,
      createdAt: now,
    });
    // Already recorded (the same model request reported twice): counted once.
    if (!recorded) return;
    if (session.turn) session.turn.costUsd += usage.costUsd;
    this.metrics.inc(
      'platform_cost_usd_total',
      'Spend recorded (USD)',
      { tenant: r.tenantId },
      usage.costUsd,
    );
    this.metrics.inc('platform_model_requests_total', 'Model requests through the proxy', {
      cut: usage.cut ? 'true' : 'false',
    });
    await this.update(session, { costUsd: r.costUsd + usage.costUsd, lastActivityAt: now });
    await this.emit(session, {
      kind: 'usage',
      model: usage.model,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheCreationInputTokens: usage.cacheCreationInputTokens,
      cacheReadInputTokens: usage.cacheReadInputTokens,
      costUsd: usage.costUsd,
      sessionCostUsd: session.record.costUsd,
      cut: usage.cut,
    });
    // Reporting is best effort: the answer is not lost to a webhook or query failure.
    await this.budgets
      .afterSpend(ownerOf(session), usage.costUsd, { session_id: r.id })
      .catch(() => undefined);
  }
}

/**
 * A hold older than this belongs to a request a crashed server never finished. The backstop: a
 * crashed node's holds normally go as soon as its heartbeat lapses (`ClusterSessions`).
 */
const HOLD_STALE_MS = 15 * 60_000;

function ownerOf(session: LiveSession): BudgetOwner {
  const r = session.record;
  return { tenantId: r.tenantId, userId: r.userId, tier: session.turn?.principal.tier ?? r.tier };
}
