import { randomUUID } from 'node:crypto';
import type { WebhookOutboxRecord } from '../domain/records.js';
import type { Metrics } from '../observability/Metrics.js';
import { backoffDelayMs, type RetryPolicy } from '../reliability/retryPolicy.js';
import { sleep } from '../reliability/sleep.js';
import type { Repository } from '../store/Repository.js';
import { signWebhook } from './signWebhook.js';

export type WebhookEventType =
  'session.created' | 'session.completed' | 'budget.exceeded' | 'message.received';

export interface WebhookConfig {
  url: string;
  secret: string;
  retry?: RetryPolicy;
  /** One attempt's bound (ms). Default 10 000. */
  timeoutMs?: number;
  /** How often queued deliveries are looked for (ms): other servers' and older runs'. Default 1000. */
  pollMs?: number;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Delivers signed webhooks: POST JSON with `x-agentsdk-signature`, `x-agentsdk-timestamp`,
 * `x-agentsdk-event`, `x-agentsdk-delivery`; retries network errors, 429 and 5xx with backoff;
 * every attempt is recorded in the repository.
 *
 * Durable: each event is first written to the outbox (`webhook_outbox`) and claimed for one
 * attempt at a time (claim id, held for the attempt's timeout and a margin). The server that
 * queued it attempts it at once and waits out the backoff itself; a poll on every server claims
 * due deliveries nobody holds, so those of a server that died (mid-attempt or waiting to retry)
 * or stopped are finished by another, or by the next start on one node. One claim per attempt:
 * a delivery is attempted by one server at a time, and a 2xx ends it.
 */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private poller: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly config: WebhookConfig | undefined,
    private readonly repository: Repository,
    private readonly metrics: Metrics,
  ) {}

  /** Queue an event; returns its id (or undefined when no webhook is configured). */
  emit(type: WebhookEventType, data: Record<string, unknown>): string | undefined {
    if (!this.config) return undefined;
    const eventId = randomUUID();
    const now = Date.now();
    const body = JSON.stringify({
      id: eventId,
      type,
      created_at: new Date(now).toISOString(),
      data,
    });
    const record: WebhookOutboxRecord = {
      eventId,
      eventType: type,
      url: this.config.url,
      body,
      attempts: 1,
      nextAt: now,
      createdAt: now,
    };
    const claim = this.newClaim(now);
    this.track(
      this.repository.enqueueWebhook(record, claim).then(() => this.deliver(record, claim.claim)),
    );
    return eventId;
  }

  /** Starts looking for queued deliveries nobody attempts (another server's, a previous run's). */
  start(): void {
    if (!this.config || this.poller) return;
    // Tracked, so drain() also waits for a claim in flight (its deliveries would start after).
    this.poller = setInterval(() => this.track(this.poll()), this.config.pollMs ?? 1000);
    this.poller.unref();
  }

  /**
   * Wait for deliveries in flight; after `timeoutMs` retries are no longer waited for: they
   * stay queued for another server or the next start.
   */
  async drain(timeoutMs = 5000): Promise<void> {
    clearInterval(this.poller);
    const timer = setTimeout(() => this.stop.abort(), timeoutMs);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    clearTimeout(timer);
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => console.error('[platform] a webhook delivery failed', error))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private newClaim(now: number): { claim: string; claimedUntil: number } {
    // Long enough for one attempt and its bookkeeping; a server that died holds it this long.
    const holdMs = (this.config?.timeoutMs ?? 10_000) + 2000;
    return { claim: randomUUID(), claimedUntil: now + holdMs };
  }

  private async poll(): Promise<void> {
    if (this.polling || this.stop.signal.aborted) return;
    this.polling = true;
    try {
      const now = Date.now();
      const claim = this.newClaim(now);
      const due = await this.repository.claimWebhooks(claim, { now, limit: 20 });
      for (const record of due) this.track(this.deliver(record, claim.claim));
    } catch (error) {
      console.error('[platform] looking for queued webhooks failed', error);
    } finally {
      this.polling = false;
    }
  }

  /** Attempts `record` (claimed as `claim`), then retries it while this server holds it. */
  private async deliver(record: WebhookOutboxRecord, claim: string): Promise<void> {
    const config = this.config!;
    const retry = config.retry ?? DEFAULT_RETRY;
    let current = record;
    let held = claim;
    for (;;) {
      const status = await this.attempt(config, current);
      const ok = status !== null && status >= 200 && status < 300;
      const retryable = status === null || status === 429 || status >= 500;
      if (ok || !retryable || current.attempts >= retry.maxAttempts) {
        await this.repository.finishWebhook(current.eventId, held);
        return;
      }
      const nextAt = Date.now() + backoffDelayMs(retry, current.attempts);
      if (!(await this.repository.rescheduleWebhook(current.eventId, held, nextAt))) return;
      if (this.stop.signal.aborted) return; // queued: another server or the next start
      await sleep(Math.max(0, nextAt - Date.now()), this.stop.signal);
      if (this.stop.signal.aborted) return;
      // Timers may fire a little before the wall clock reaches `nextAt`.
      const now = Math.max(Date.now(), nextAt);
      const next = this.newClaim(now);
      const [again] = await this.repository.claimWebhooks(next, {
        now,
        limit: 1,
        eventId: current.eventId,
      });
      if (!again) return; // another server's poll took it
      current = again;
      held = next.claim;
    }
  }

  /** One POST, recorded; answers the HTTP status, or null on a network error or timeout. */
  private async attempt(
    config: WebhookConfig,
    record: WebhookOutboxRecord,
  ): Promise<number | null> {
    const timestamp = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(record.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-agentsdk-event': record.eventType,
          'x-agentsdk-delivery': record.eventId,
          'x-agentsdk-timestamp': String(timestamp),
          'x-agentsdk-signature': signWebhook(config.secret, timestamp, record.body),
        },
        body: record.body,
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ok = status !== null && status >= 200 && status < 300;
    await this.repository
      .recordWebhookDelivery({
        eventId: record.eventId,
        eventType: record.eventType,
        url: record.url,
        attempt: record.attempts,
        status,
        ok,
        error,
        createdAt: Date.now(),
      })
      .catch(() => undefined);
    this.metrics.inc('platform_webhook_attempts_total', 'Webhook delivery attempts', {
      outcome: ok ? 'ok' : 'failed',
    });
    return status;
  }
}
