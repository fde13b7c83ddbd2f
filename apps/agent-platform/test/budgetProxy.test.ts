import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from '../src/domain/tiers.js';
import { liveChildren, testPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
});

describe('budgets enforced by the model proxy, mid-turn', () => {
  it('a free-tier turn whose answers would cost $8 stops within its $0.50 cap', async () => {
    // Each answer claims 320,000 output tokens ($8 at Opus prices). Before the proxy the turn
    // was recorded at $8.00 against a $5 month and a $0.50 cap.
    const expensive = { input_tokens: 10, output_tokens: 320_000 };
    t = await testPlatform({
      cli: 'real',
      turns: [
        {
          content: [{ type: 'tool_use', name: 'Bash', input: { command: 'echo step one' } }],
          usage: expensive,
        },
        {
          content: [{ type: 'tool_use', name: 'Bash', input: { command: 'echo step two' } }],
          usage: expensive,
        },
        { content: [{ type: 'text', text: 'All done.' }], usage: expensive },
      ],
    });
    const token = await t.token({ userId: 'fay', tier: 'free' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Spend.',
    });
    expect(chat.status).toBe(200);
    // Ended by the proxy's refusal, or by the CLI's own cap check between requests (which the
    // proxy's clamped count keeps honest): either way an error, never $8.
    expect(chat.body.isError).toBe(true);
    expect(chat.body.budgetExceeded || chat.body.subtype === 'error_max_budget_usd').toBe(true);
    const cap = DEFAULT_TIERS.free.maxBudgetUsd;
    expect(chat.body.costUsd).toBeGreaterThan(0);
    expect(chat.body.costUsd).toBeLessThanOrEqual(cap);
    const usage = await t.api(token, 'GET', '/api/usage');
    expect(usage.body.user.month.costUsd).toBeCloseTo(chat.body.costUsd, 10);
    expect(usage.body.user.month.costUsd).toBeLessThanOrEqual(cap);
    // The model never got to the third answer: the turn ended at the first request that
    // could not be paid for.
    const sentMaxTokens = t.server!.mainRequests().map((r) => r.body?.max_tokens);
    expect(sentMaxTokens.every((m) => typeof m === 'number' && m < 32_000)).toBe(true);
    expect(t.server!.mainRequests().length).toBeLessThan(3);
  });

  it('the monthly budget holds across turns: spend stops at the limit, then turns are refused', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        {
          content: [{ type: 'text', text: 'One.' }],
          usage: { input_tokens: 10, output_tokens: 6000 },
        },
        {
          content: [{ type: 'text', text: 'Two.' }],
          usage: { input_tokens: 10, output_tokens: 6000 },
        },
        {
          content: [{ type: 'text', text: 'Three.' }],
          usage: { input_tokens: 10, output_tokens: 6000 },
        },
      ],
      config: {
        tiers: { ...DEFAULT_TIERS, pro: { ...DEFAULT_TIERS.pro, monthlyBudgetUsd: 0.3 } },
      },
    });
    const token = await t.token({ userId: 'gus' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const outcomes = [];
    for (const message of ['a', 'b', 'c']) {
      const chat = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message });
      outcomes.push(chat);
      if (chat.status !== 200 || chat.body.budgetExceeded) break;
    }
    const usage = await t.api(token, 'GET', '/api/usage');
    expect(usage.body.user.month.costUsd).toBeLessThanOrEqual(0.3);
    expect(outcomes.at(-1)!.body.budgetExceeded ?? outcomes.at(-1)!.status === 429).toBeTruthy();
  });
});
