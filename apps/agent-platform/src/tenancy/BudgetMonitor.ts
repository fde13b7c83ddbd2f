import type { Repository } from '../store/Repository.js';
import type { WebhookDispatcher } from '../webhooks/WebhookDispatcher.js';
import { assertWithinBudget, startOfMonthUtc, type BudgetCheck } from './budget.js';
import type { TierName, TierTable } from '../domain/tiers.js';

/** Whose spend is checked: a user of a tenant, on a tier. */
export interface BudgetOwner {
  tenantId: string;
  userId: string;
  tier: TierName;
}

/**
 * Monthly budgets from recorded usage, and the `budget.exceeded` webhook: sent once per limit
 * and month by this process — when a recorded turn crosses the limit, or else when a request is
 * refused for it (after a restart, say) — so a client retrying in a loop does not flood the
 * receiver.
 */
export class BudgetMonitor {
  /** `<scope>/<tenant>[/<user>]` keys already reported in `reportedMonth`. */
  private readonly reported = new Set<string>();
  private reportedMonth = '';

  constructor(
    private readonly repository: Repository,
    private readonly limits: { tiers: TierTable; tenantMonthlyBudgetUsd: number },
    private readonly webhooks: Pick<WebhookDispatcher, 'emit'>,
    private readonly now: () => number = Date.now,
    /** Cluster mode: true for the first node per key, so a report goes out once per cluster. */
    private readonly claimOnce?: (key: string) => Promise<boolean>,
  ) {}

  /** This month's spend against each limit (user first, then tenant). */
  async checks(owner: BudgetOwner): Promise<BudgetCheck[]> {
    const since = startOfMonthUtc(this.now());
    const [user, tenant] = await Promise.all([
      this.repository.usageSummary({ tenantId: owner.tenantId, userId: owner.userId, since }),
      this.repository.usageSummary({ tenantId: owner.tenantId, since }),
    ]);
    return [
      {
        scope: 'user',
        usedUsd: user.costUsd,
        limitUsd: this.limits.tiers[owner.tier].monthlyBudgetUsd,
      },
      { scope: 'tenant', usedUsd: tenant.costUsd, limitUsd: this.limits.tenantMonthlyBudgetUsd },
    ];
  }

  /** Throws `budget_exceeded` (429) when a limit is spent, reporting it once per month. */
  async assertWithin(owner: BudgetOwner, data: Record<string, unknown> = {}): Promise<void> {
    const checks = await this.checks(owner);
    try {
      assertWithinBudget(checks);
    } catch (error) {
      const spent = checks.find((c) => c.usedUsd >= c.limitUsd);
      if (spent) this.report(owner, spent, 'refused', data);
      throw error;
    }
  }

  /** After a turn's spend (`deltaUsd`) is recorded: report each limit it pushed over. */
  async afterSpend(
    owner: BudgetOwner,
    deltaUsd: number,
    data: Record<string, unknown>,
  ): Promise<void> {
    if (deltaUsd <= 0) return;
    for (const check of await this.checks(owner)) {
      const before = check.usedUsd - deltaUsd;
      if (check.usedUsd >= check.limitUsd && before < check.limitUsd) {
        this.report(owner, check, 'crossed', data);
      }
    }
  }

  /**
   * The model proxy stopped a turn because its next request would cross a limit: report the
   * limit with the least left (the turn's own cap counts as scope `turn`).
   */
  async stopped(
    owner: BudgetOwner,
    turn: { spentUsd: number; capUsd: number },
    data: Record<string, unknown>,
  ): Promise<void> {
    const checks = await this.checks(owner);
    const turnCheck: BudgetCheck = { scope: 'turn', usedUsd: turn.spentUsd, limitUsd: turn.capUsd };
    const tightest = [...checks, turnCheck].reduce((a, b) =>
      b.limitUsd - b.usedUsd < a.limitUsd - a.usedUsd ? b : a,
    );
    this.report(owner, tightest, 'stopped', data);
  }

  private report(
    owner: BudgetOwner,
    check: BudgetCheck,
    reason: 'crossed' | 'refused' | 'stopped',
    data: Record<string, unknown>,
  ): void {
    const month = new Date(startOfMonthUtc(this.now())).toISOString().slice(0, 7);
    if (month !== this.reportedMonth) {
      this.reported.clear();
      this.reportedMonth = month;
    }
    const key =
      check.scope === 'turn'
        ? `turn/${String(data['session_id'])}/${Date.now()}`
        : `${check.scope}/${owner.tenantId}/${check.scope === 'user' ? owner.userId : ''}`;
    // Once per limit and month: concurrent turns crossing together, or refusals after it.
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const payload = {
      tenant_id: owner.tenantId,
      user_id: owner.userId,
      tier: owner.tier,
      ...data,
      reason,
      scope: check.scope,
      month,
      used_usd: check.usedUsd,
      limit_usd: check.limitUsd,
    };
    const send = (): void => void this.webhooks.emit('budget.exceeded', payload);
    if (!this.claimOnce) return send();
    // Per-turn stops are per session already; monthly limits once per cluster.
    void this.claimOnce(`budget:${month}:${key}`).then((first) => first && send(), send);
  }
}
