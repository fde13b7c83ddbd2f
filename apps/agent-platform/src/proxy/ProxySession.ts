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

export interface BudgetGrant {
  remainingUsd: number;
  release(): Promise<void>;
}

/** One session as the proxy knows it: its key, its upstream, its budget and its ledger. */
export interface ProxySession {
  sessionId: string;
  /** The random key the session's CLI holds in place of a real credential. */
  key: string;
  upstream: Upstream;
  /** What one more request may spend (the smallest of the user, tenant and turn budgets). */
  remainingUsd(): Promise<number>;
  /**
   * Cluster mode: `remainingUsd` and a hold on it, atomically across servers. `fit` says what
   * the request will cost at most with that much left (0: refused, nothing held); the hold is
   * released (`release`) once the request's usage is recorded.
   */
  reserve?(fit: (remainingUsd: number) => number): Promise<BudgetGrant>;
  /** Called once per model request, before its end reaches the CLI. */
  record(usage: MeteredUsage): Promise<void>;
  /** The proxy refused or cut a request: the turn must end now. */
  budgetExceeded(message: string): void;
}
