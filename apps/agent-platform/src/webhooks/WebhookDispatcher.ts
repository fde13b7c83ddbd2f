import { randomUUID } from 'node:crypto';
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
  timeoutMs?: number;
}

/**
 * Delivers signed webhooks in the background: POST JSON with `x-agentsdk-signature`,
 * `x-agentsdk-timestamp`, `x-agentsdk-event`, `x-agentsdk-delivery`; retries network errors,
 * 429 and 5xx with backoff; every attempt is recorded in the repository.
 */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly config: WebhookConfig | undefined,
    private readonly repository: Repository,
    private readonly metrics: Metrics,
  ) {}

  /** Queue an event; returns its id (or undefined when no webhook is configured). */
  emit(type: WebhookEventType, data: Record<string, unknown>): string | undefined {
    if (!this.config) return undefined;
    const id = randomUUID();
    const delivery = this.deliver(this.config, id, type, data).finally(() =>
      this.pending.delete(delivery),
    );
    this.pending.add(delivery);
    return id;
  }

  /** Wait for deliveries in flight (retries are cut short after `timeoutMs`). */
  async drain(timeoutMs = 5000): Promise<void> {
    const timer = setTimeout(() => this.stop.abort(), timeoutMs);
    await Promise.allSettled([...this.pending]);
    clearTimeout(timer);
  }

  private async deliver(
    config: WebhookConfig,
    id: string,
    type: WebhookEventType,
    data: Record<string, unknown>,
  ): Promise<void> {
    const retry = config.retry ?? { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
    const body = JSON.stringify({ id, type, created_at: new Date().toISOString(), data });
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      const timestamp = Date.now();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-agentsdk-event': type,
            'x-agentsdk-delivery': id,
            'x-agentsdk-timestamp': String(timestamp),
            'x-agentsdk-signature': signWebhook(config.secret, timestamp, body),
          },
          body,
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
          eventId: id,
          eventType: type,
          url: config.url,
          attempt,
          status,
          ok,
          error,
          createdAt: Date.now(),
        })
        .catch(() => undefined);
      this.metrics.inc('platform_webhook_attempts_total', 'Webhook delivery attempts', {
        outcome: ok ? 'ok' : 'failed',
      });
      if (ok) return;
      const retryable = status === null || status === 429 || status >= 500;
      if (!retryable || attempt === retry.maxAttempts || this.stop.signal.aborted) return;
      await sleep(backoffDelayMs(retry, attempt), this.stop.signal);
    }
  }
}
