import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../domain/PlatformError.js';
import { createRepository } from '../store/createRepository.js';
import type { Repository } from '../store/Repository.js';
import { BudgetMonitor, type BudgetOwner } from './BudgetMonitor.js';
import { DEFAULT_TIERS } from '../domain/tiers.js';

const ada: BudgetOwner = { tenantId: 'acme', userId: 'ada', tier: 'free' };
const bob: BudgetOwner = { tenantId: 'acme', userId: 'bob', tier: 'free' };
const limits = {
  tiers: { ...DEFAULT_TIERS, free: { ...DEFAULT_TIERS.free, monthlyBudgetUsd: 1 } },
  tenantMonthlyBudgetUsd: 1.5,
};

let dir: string;
let repository: Repository;
let sent: Array<{ type: string; data: Record<string, unknown> }>;
let clock: number;
let monitor: BudgetMonitor;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budget-'));
  repository = await createRepository({ dataDir: dir });
  sent = [];
  clock = Date.UTC(2026, 10, 20);
  const webhooks = {
    emit: (type: string, data: Record<string, unknown>) => (sent.push({ type, data }), 'id'),
  };
  monitor = new BudgetMonitor(repository, limits, webhooks, () => clock);
});
afterEach(async () => {
  await repository.close();
  rmSync(dir, { recursive: true, force: true });
});

async function spend(owner: BudgetOwner, costUsd: number): Promise<void> {
  await repository.recordUsage({
    sessionId: 's',
    tenantId: owner.tenantId,
    userId: owner.userId,
    costUsd,
    inputTokens: 0,
    outputTokens: 0,
    numTurns: 1,
    createdAt: clock,
  });
  await monitor.afterSpend(owner, costUsd, { session_id: 's' });
}

describe('BudgetMonitor', () => {
  it('reports the turn that crosses a limit, once, and not the turns before or after', async () => {
    await spend(ada, 0.6);
    expect(sent).toEqual([]);
    await spend(ada, 0.5); // 1.1 ≥ 1: the user's limit is crossed
    expect(sent).toEqual([
      {
        type: 'budget.exceeded',
        data: expect.objectContaining({
          reason: 'crossed',
          scope: 'user',
          month: '2026-11',
          used_usd: 1.1,
          limit_usd: 1,
          user_id: 'ada',
          session_id: 's',
        }),
      },
    ]);
    await spend(ada, 0.1);
    expect(sent).toHaveLength(1);
    // bob's spend pushes the tenant (1.2 + 0.4 ≥ 1.5) over, not bob.
    await spend(bob, 0.4);
    expect(sent.map((s) => [s.data['scope'], s.data['user_id']])).toEqual([
      ['user', 'ada'],
      ['tenant', 'bob'],
    ]);
  });

  it('refuses a spent budget with a 429 and reports the refusal once a month', async () => {
    await expect(monitor.assertWithin(ada)).resolves.toBeUndefined();
    await repository.recordUsage({
      sessionId: 's',
      tenantId: 'acme',
      userId: 'ada',
      costUsd: 1,
      inputTokens: 0,
      outputTokens: 0,
      numTurns: 1,
      createdAt: clock,
    });
    const refusal = await monitor.assertWithin(ada).catch((e: unknown) => e);
    expect(PlatformError.is(refusal) && refusal.code).toBe('budget_exceeded');
    expect(PlatformError.is(refusal) && refusal.status).toBe(429);
    await expect(monitor.assertWithin(ada)).rejects.toThrow(/monthly budget/);
    expect(sent.map((s) => s.data['reason'])).toEqual(['refused']);

    // A new month: last month's spend no longer counts.
    clock = Date.UTC(2026, 11, 1);
    await expect(monitor.assertWithin(ada)).resolves.toBeUndefined();
  });

  it('reports a refusal again in a new month', async () => {
    const zero = new BudgetMonitor(
      repository,
      {
        tiers: { ...DEFAULT_TIERS, free: { ...DEFAULT_TIERS.free, monthlyBudgetUsd: 0 } },
        tenantMonthlyBudgetUsd: 1,
      },
      { emit: (type, data) => (sent.push({ type, data }), 'id') },
      () => clock,
    );
    await expect(zero.assertWithin(ada)).rejects.toThrow();
    await expect(zero.assertWithin(ada)).rejects.toThrow();
    clock = Date.UTC(2026, 11, 2);
    await expect(zero.assertWithin(ada)).rejects.toThrow();
    expect(sent.map((s) => s.data['month'])).toEqual(['2026-11', '2026-12']);
  });
});
