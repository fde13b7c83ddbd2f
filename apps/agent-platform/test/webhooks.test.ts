import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../src/store/createRepository.js';
import { verifyWebhook } from '../src/webhooks/signWebhook.js';
import { DEFAULT_TIERS } from '../src/domain/tiers.js';
import { liveChildren, testPlatform, type TestPlatform } from './helpers.js';
import { startWebhookReceiver, type ReceivedWebhook } from './webhookReceiver.js';

const WEBHOOK_SECRET = 'whsec-platform-0123456789';
const cleanups: Array<() => Promise<void> | void> = [];
let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
});

const ofType = (received: ReceivedWebhook[], type: string) =>
  received.filter((r) => r.status === 200 && r.body.type === type);

describe('webhooks from the running platform (real CLI, scripted model, real receiver)', () => {
  it('delivers session.created, message.received, budget.exceeded and session.completed, signed and recorded', async () => {
    // The receiver fails the first delivery it gets, so one event is retried end to end.
    const receiver = await startWebhookReceiver((_d, i) => (i === 0 ? 500 : 200));
    cleanups.push(() => receiver.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-webhooks-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    t = await testPlatform({
      cli: 'real',
      dataDir,
      turns: [{ content: [{ type: 'text', text: 'Never sent: the proxy refuses the request.' }] }],
      config: {
        webhook: {
          url: receiver.url,
          secret: WEBHOOK_SECRET,
          retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
        },
        // Any model request costs more than this: the proxy refuses the first one, so the
        // budget is never crossed; and a free user has no budget at all.
        tiers: {
          ...DEFAULT_TIERS,
          pro: { ...DEFAULT_TIERS.pro, monthlyBudgetUsd: 1e-9 },
          free: { ...DEFAULT_TIERS.free, monthlyBudgetUsd: 0 },
        },
      },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Spend it all.',
    });
    expect(chat.body).toMatchObject({ isError: true, budgetExceeded: true, costUsd: 0 });
    expect(chat.body.result).toMatch(/^Budget exceeded/);
    expect(t.server!.mainRequests()).toHaveLength(0);

    await receiver.until((r) => ofType(r, 'budget.exceeded').length === 1);
    const [crossed] = ofType(receiver.received, 'budget.exceeded');
    expect(crossed?.body.data).toMatchObject({
      reason: 'stopped',
      scope: 'user',
      tenant_id: 'acme',
      user_id: 'ada',
      session_id: session.id,
      limit_usd: 1e-9,
    });
    expect(crossed?.body.data['used_usd']).toBe(0);

    // A user whose tier has no budget at all is refused at create, and reported once.
    const free = await t.token({ userId: 'cy', tier: 'free' });
    expect((await t.api(free, 'POST', '/api/sessions', {})).status).toBe(429);
    expect((await t.api(free, 'POST', '/api/sessions', {})).status).toBe(429);

    expect((await t.api(token, 'DELETE', `/api/sessions/${session.id}`)).status).toBe(200);
    await t.close(); // drains the webhooks in flight
    t = undefined;

    const types = receiver.received.filter((r) => r.status === 200).map((r) => r.body.type);
    expect(types.sort()).toEqual([
      'budget.exceeded',
      'budget.exceeded',
      'message.received',
      'session.completed',
      'session.created',
    ]);
    const refused = ofType(receiver.received, 'budget.exceeded').find(
      (r) => r.body.data['reason'] === 'refused',
    );
    expect(refused?.body.data).toMatchObject({ user_id: 'cy', tier: 'free', used_usd: 0 });
    expect(ofType(receiver.received, 'message.received')[0]?.body.data).toMatchObject({
      session_id: session.id,
      text: 'Spend it all.',
    });
    for (const r of receiver.received) {
      const timestamp = Number(r.headers['x-agentsdk-timestamp']);
      expect(
        verifyWebhook(WEBHOOK_SECRET, timestamp, r.raw, String(r.headers['x-agentsdk-signature'])),
      ).toBe(true);
    }

    // Every attempt is stored: the first one failed (500) and its retry, same event id, succeeded.
    const repository = await createRepository({ dataDir });
    cleanups.push(() => repository.close());
    const attempts = await repository.listWebhookDeliveries();
    expect(attempts).toHaveLength(receiver.received.length);
    const first = receiver.received[0]!;
    expect(
      (await repository.listWebhookDeliveries(first.body.id)).map((a) => [a.attempt, a.status]),
    ).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });
});
