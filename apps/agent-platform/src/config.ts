import { resolve } from 'node:path';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './reliability/retryPolicy.js';
import { DEFAULT_TIERS, type TierTable } from './tenancy/tiers.js';
import type { WebhookConfig } from './webhooks/WebhookDispatcher.js';

export interface PlatformConfig {
  /** HS256 secret for bearer tokens (≥ 32 characters). */
  jwtSecret: string;
  /** SQLite file, workspaces and per-user CLI homes live here. */
  dataDir: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  host: string;
  port: number;
  cliPath?: string | undefined;
  /** Env for every CLI process (over the server's env, minus its secrets). */
  cliEnv: Record<string, string | undefined>;
  /** Extra env per tenant (e.g. its own API key). */
  tenantEnv: Record<string, Record<string, string>>;
  model?: string | undefined;
  tiers: TierTable;
  tenantMonthlyBudgetUsd: number;
  retry: RetryPolicy;
  /** An active session with no activity this long is paused (its CLI process released). */
  idleTimeoutMs: number;
  /** A turn running longer is interrupted (runaway), checked at each sweep. */
  maxTurnMs: number;
  sweepIntervalMs: number;
  /** An interrupted turn (runaway, end, shutdown) gets this long to bring its result before its CLI process is stopped. */
  interruptGraceMs: number;
  /** On shutdown, in-flight turns get this long to finish before they are interrupted and paused. */
  shutdownGraceMs: number;
  webhook?: WebhookConfig | undefined;
  /** Longest chat message, in characters, on HTTP and WebSocket alike. */
  maxMessageChars: number;
  /** Largest HTTP request body and WebSocket frame, in bytes (413 / close 1009 beyond). */
  maxBodyBytes: number;
  /** Requests per user (HTTP requests, WebSocket upgrades and chat frames alike). */
  userRateLimit: RateLimit;
  /** Requests per tenant, all its users together. */
  tenantRateLimit: RateLimit;
  /** Bearer token for `/metrics` (and `/health` details); without one `/metrics` answers 404. */
  metricsToken?: string | undefined;
  /** Tokens issued longer ago, or valid for longer (`exp - iat`), are refused. */
  maxTokenAgeSec: number;
  /** How long a deleted session's workspace, CLI transcript and events are kept (0: deleted at once). */
  sessionRetentionMs: number;
  /** Failed authentications per client address; beyond, 429 and no audit row. */
  authFailureRateLimit: RateLimit;
}

/** A token bucket: `burst` requests at once, refilled at `perMinute`. */
export interface RateLimit {
  perMinute: number;
  burst: number;
}

type PartialConfig = Partial<PlatformConfig> & Pick<PlatformConfig, 'jwtSecret' | 'dataDir'>;

export function resolveConfig(config: PartialConfig): PlatformConfig {
  return {
    host: '127.0.0.1',
    port: 8787,
    cliEnv: {},
    tenantEnv: {},
    tiers: DEFAULT_TIERS,
    tenantMonthlyBudgetUsd: 1000,
    retry: DEFAULT_RETRY_POLICY,
    idleTimeoutMs: 10 * 60_000,
    maxTurnMs: 10 * 60_000,
    sweepIntervalMs: 30_000,
    interruptGraceMs: 10_000,
    shutdownGraceMs: 10_000,
    maxMessageChars: 100_000,
    maxBodyBytes: 1 << 20,
    userRateLimit: { perMinute: 120, burst: 30 },
    tenantRateLimit: { perMinute: 1200, burst: 200 },
    maxTokenAgeSec: 24 * 3600,
    sessionRetentionMs: 0,
    authFailureRateLimit: { perMinute: 60, burst: 20 },
    ...config,
    dataDir: resolve(config.dataDir),
  };
}

const numberFrom = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);

/** Configuration from `PLATFORM_*` environment variables (see README). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const jwtSecret = env['PLATFORM_JWT_SECRET'];
  if (!jwtSecret)
    throw new Error('Set PLATFORM_JWT_SECRET (≥ 32 characters) to sign and verify tokens.');
  const webhookUrl = env['PLATFORM_WEBHOOK_URL'];
  const webhookSecret = env['PLATFORM_WEBHOOK_SECRET'];
  if (webhookUrl && !webhookSecret)
    throw new Error('PLATFORM_WEBHOOK_URL needs PLATFORM_WEBHOOK_SECRET to sign deliveries.');
  return resolveConfig({
    jwtSecret,
    dataDir: env['PLATFORM_DATA_DIR'] ?? '.platform-data',
    databaseUrl: env['DATABASE_URL'] || undefined,
    host: env['PLATFORM_HOST'] ?? '127.0.0.1',
    port: numberFrom(env['PORT'], 8787),
    cliPath: env['CLAUDE_CLI_PATH'] || undefined,
    tenantEnv: env['PLATFORM_TENANT_ENV']
      ? (JSON.parse(env['PLATFORM_TENANT_ENV']) as PlatformConfig['tenantEnv'])
      : {},
    model: env['PLATFORM_MODEL'] || undefined,
    tenantMonthlyBudgetUsd: numberFrom(env['PLATFORM_TENANT_MONTHLY_BUDGET_USD'], 1000),
    idleTimeoutMs: numberFrom(env['PLATFORM_IDLE_TIMEOUT_MS'], 10 * 60_000),
    maxTurnMs: numberFrom(env['PLATFORM_MAX_TURN_MS'], 10 * 60_000),
    sweepIntervalMs: numberFrom(env['PLATFORM_SWEEP_INTERVAL_MS'], 30_000),
    shutdownGraceMs: numberFrom(env['PLATFORM_SHUTDOWN_GRACE_MS'], 10_000),
    interruptGraceMs: numberFrom(env['PLATFORM_INTERRUPT_GRACE_MS'], 10_000),
    webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : undefined,
    maxMessageChars: numberFrom(env['PLATFORM_MAX_MESSAGE_CHARS'], 100_000),
    maxBodyBytes: numberFrom(env['PLATFORM_MAX_BODY_BYTES'], 1 << 20),
    userRateLimit: {
      perMinute: numberFrom(env['PLATFORM_USER_RATE_PER_MINUTE'], 120),
      burst: numberFrom(env['PLATFORM_USER_RATE_BURST'], 30),
    },
    tenantRateLimit: {
      perMinute: numberFrom(env['PLATFORM_TENANT_RATE_PER_MINUTE'], 1200),
      burst: numberFrom(env['PLATFORM_TENANT_RATE_BURST'], 200),
    },
    metricsToken: env['PLATFORM_METRICS_TOKEN'] || undefined,
    maxTokenAgeSec: numberFrom(env['PLATFORM_MAX_TOKEN_AGE_SEC'], 24 * 3600),
    sessionRetentionMs: numberFrom(env['PLATFORM_SESSION_RETENTION_DAYS'], 0) * 86_400_000,
    authFailureRateLimit: {
      perMinute: numberFrom(env['PLATFORM_AUTH_FAILURE_RATE_PER_MINUTE'], 60),
      burst: numberFrom(env['PLATFORM_AUTH_FAILURE_RATE_BURST'], 20),
    },
  });
}
