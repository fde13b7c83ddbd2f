import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../src/observability/Metrics.js';
import { createRepository } from '../src/store/createRepository.js';
import type { Repository } from '../src/store/Repository.js';
import { verifyWebhook } from '../src/webhooks/signWebhook.js';
import { WebhookDispatcher } from '../src/webhooks/WebhookDispatcher.js';
import { startWebhookReceiver } from './webhookReceiver.js';

const SECRET = 'whsec-test-0123456789';
const retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ repository: Repository; metrics: Metrics }> {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));
  const repository = await createRepository({ dataDir: dir });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => repository.close());
  return { repository, metrics: new Metrics() };
}

describe('WebhookDispatcher against a real HTTP receiver', () => {
  it('signs each delivery, retries 5xx with the same delivery id, and records every attempt', async () => {
    const { repository, metrics } = await setup();
    const receiver = await startWebhookReceiver((_d, i) => (i < 2 ? 503 : 200));
    cleanups.push(() => receiver.close());
    const dispatcher = new WebhookDispatcher(
      { url: receiver.url, secret: SECRET, retry },
      repository,
      metrics,
    );
    const id = dispatcher.emit('session.created', { session_id: 's1' });
    await dispatcher.drain();

    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
    for (const r of receiver.received) {
      expect(r.headers['x-agentsdk-delivery']).toBe(id);
      expect(r.headers['x-agentsdk-event']).toBe('session.created');
      const timestamp = Number(r.headers['x-agentsdk-timestamp']);
      const signature = String(r.headers['x-agentsdk-signature']);
      expect(verifyWebhook(SECRET, timestamp, r.raw, signature)).toBe(true);
      expect(verifyWebhook('another-secret', timestamp, r.raw, signature)).toBe(false);
      expect(r.body).toMatchObject({ id, type: 'session.created', data: { session_id: 's1' } });
    }
    const attempts = await repository.listWebhookDeliveries(id);
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(metrics.render()).toMatch(/platform_webhook_attempts_total\{outcome="failed"\} 2/);
  });

  it('does not retry a 4xx other than 429, and gives up after maxAttempts', async () => {
    const { repository, metrics } = await setup();
    const receiver = await startWebhookReceiver((d) =>
      d.body.type === 'message.received' ? 400 : 500,
    );
    cleanups.push(() => receiver.close());
    const dispatcher = new WebhookDispatcher(
      { url: receiver.url, secret: SECRET, retry },
      repository,
      metrics,
    );
    const rejected = dispatcher.emit('message.received', { text: 'hi' });
    const failing = dispatcher.emit('session.completed', {});
    await dispatcher.drain();
    expect((await repository.listWebhookDeliveries(rejected)).map((a) => a.status)).toEqual([400]);
    expect((await repository.listWebhookDeliveries(failing)).map((a) => a.status)).toEqual([
      500, 500, 500,
    ]);
  });

  it('records network errors (nothing listening) as failed attempts with the error', async () => {
    const { repository, metrics } = await setup();
    // A port that was free a moment ago: connections to it are refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dispatcher = new WebhookDispatcher(
      {
        url: `http://127.0.0.1:${port}/hooks`,
        secret: SECRET,
        retry: { ...retry, maxAttempts: 2 },
      },
      repository,
      metrics,
    );
    const id = dispatcher.emit('budget.exceeded', { scope: 'user' });
    await dispatcher.drain();
    const attempts = await repository.listWebhookDeliveries(id);
    expect(attempts).toHaveLength(2);
    for (const a of attempts) {
      expect(a).toMatchObject({ status: null, ok: false, eventType: 'budget.exceeded' });
      expect(a.error).toBeTruthy();
    }
  });

  it('finishes a delivery a previous run left queued (it died mid-attempt), once its claim lapsed', async () => {
    const { repository, metrics } = await setup();
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const body = JSON.stringify({ id: 'evt-1', type: 'session.completed', data: {} });
    // As the crashed run left it: its first attempt claimed, the claim now lapsed.
    await repository.enqueueWebhook(
      {
        eventId: 'evt-1',
        eventType: 'session.completed',
        url: receiver.url,
        body,
        attempts: 1,
        nextAt: Date.now() - 1000,
        createdAt: Date.now() - 1000,
      },
      { claim: 'crashed-run', claimedUntil: Date.now() - 1 },
    );
    const dispatcher = new WebhookDispatcher(
      { url: receiver.url, secret: SECRET, retry, pollMs: 20 },
      repository,
      metrics,
    );
    dispatcher.start();
    cleanups.push(() => dispatcher.drain());
    await receiver.until((r) => r.length === 1);
    expect(receiver.received[0]!.headers['x-agentsdk-delivery']).toBe('evt-1');
    expect(receiver.received[0]!.raw).toBe(body);
    await expect.poll(async () => (await repository.listWebhookDeliveries('evt-1')).length).toBe(1);
    expect((await repository.listWebhookDeliveries('evt-1'))[0]).toMatchObject({
      attempt: 2,
      status: 200,
      ok: true,
    });
    await dispatcher.drain();
    expect(receiver.received).toHaveLength(1); // finished: no further poll takes it
  });

  it('emits nothing when no webhook is configured', async () => {
    const { repository, metrics } = await setup();
    const dispatcher = new WebhookDispatcher(undefined, repository, metrics);
    expect(dispatcher.emit('session.created', {})).toBeUndefined();
    await dispatcher.drain();
    expect(await repository.listWebhookDeliveries()).toEqual([]);
  });
});
