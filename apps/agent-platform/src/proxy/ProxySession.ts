import type { TokenUsage } from './pricing.js';

/** Where the proxy sends a session's requests, and with which credential. */
export interface Upstream {
  /** e.g. `https://api.anthropic.com` */
  baseUrl: string;
  /** Sent as `x-api-key`. */
  apiKey?: string | undefined;
  /** Sent as `Authorization: Bearer` (gateways that take a token). */
  authToken?: string | undefined;
}

export interface MeteredUsage extends TokenUsage {
  model: string;
  costUsd: number;
  /** The model request's id (the API's message id): usage is recorded once per id. */
  requestId: string;
  /** The stream was cut by the proxy (budget), so the output side is an estimate. */
  cut: boolean;
}

/** One session as the proxy knows it: its key, its upstream, its budget and its ledger. */
export interface ProxySession {
  sessionId: string;
  /** The random key the session's CLI holds in place of a real credential. */
  key: string;
  upstream: Upstream;
  /** What one more request may spend (the smallest of the user, tenant and turn budgets). */
  remainingUsd(): Promise<number>;
  /** Called once per model request, before its end reaches the CLI. */
  record(usage: MeteredUsage): Promise<void>;
  /** The proxy refused or cut a request: the turn must end now. */
  budgetExceeded(message: string): void;
}
