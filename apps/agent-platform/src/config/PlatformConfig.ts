import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../reliability/retryPolicy.js';
import { DEFAULT_TIERS, type TierTable } from '../domain/tiers.js';
import type { WebhookConfig } from '../webhooks/WebhookDispatcher.js';
import type { Upstream } from '../proxy/ProxySession.js';
import { bubblewrapSandbox } from '../sandbox/bubblewrapSandbox.js';
import { SandboxError } from '../sandbox/SandboxError.js';
import type { SandboxProvider } from '../sandbox/SandboxProvider.js';
import { unsafeNoSandbox } from '../sandbox/unsafeNoSandbox.js';

export interface PlatformConfig {
  /** HS256 secret for bearer tokens (≥ 32 characters). */
  jwtSecret: string;
  /** SQLite file, workspaces and per-user CLI homes live here. */
  dataDir: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /** With `databaseUrl`: cluster mode, any number of nodes on one database and one Redis. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key and channel of this platform. */
  redisPrefix: string;
  /** This node's name in the cluster (leases, forwarded requests). */
  nodeId: string;
  /** A session's lease lapses this long after its node stops renewing it (crashed). */
  leaseTtlMs: number;
  /**
   * This process's own files (pid lock, model-proxy sockets): the data directory on one node,
   * `<dataDir>/nodes/<nodeId>` in cluster mode, where every node shares the data directory.
   */
  nodeDir: string;
  host: string;
  port: number;
  cliPath?: string | undefined;
  /**
   * Env for every CLI process, on top of an allow list (PATH and locale). Credentials here
   * (`ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`, …) configure the model proxy's upstream instead.
   */
  cliEnv: Record<string, string | undefined>;
  /** Extra env per tenant; its `ANTHROPIC_*` credentials become that tenant's upstream. */
  tenantEnv: Record<string, Record<string, string>>;
  /** The model API the proxy forwards to, with the platform's credential. */
  modelApi?: Upstream | undefined;
  /** The OS boundary of every CLI. `unsafe-none` runs them unconfined and warns on start. */
  sandbox: SandboxProvider;
  /** Extra host paths every sandbox sees read-only (a toolchain outside /usr, a fake CLI's tree). */
  sandboxReadOnly: string[];
  /** Per tenant: hosts its agents may reach (`host`, `host:port`, `*.domain`). Empty: none. */
  egressAllow: Record<string, string[]>;
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

type PartialConfig = Partial<Omit<PlatformConfig, 'sandbox' | 'nodeDir'>> &
  Pick<PlatformConfig, 'jwtSecret' | 'dataDir'> & {
    sandbox?: SandboxProvider | SandboxName | undefined;
  };

export type SandboxName = 'bubblewrap' | 'unsafe-none';

/** A provider from its name; anything else is refused rather than run unconfined. */
export function sandboxFrom(name: string | undefined): SandboxProvider {
  if (name === undefined || name === '' || name === 'bubblewrap') return bubblewrapSandbox();
  if (name === 'unsafe-none') return unsafeNoSandbox();
  throw new SandboxError(
    'sandbox_unavailable',
    `Unknown sandbox ${JSON.stringify(name)}: use "bubblewrap" (the default) or "unsafe-none" (local development only).`,
  );
}

export function resolveConfig(config: PartialConfig): PlatformConfig {
  const dataDir = resolve(config.dataDir);
  const nodeId = config.nodeId ?? randomUUID().slice(0, 8);
  if (config.redisUrl && !config.databaseUrl) {
    throw new Error(
      'REDIS_URL (cluster mode) needs DATABASE_URL: the nodes share one PostgreSQL database.',
    );
  }
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(nodeId)) {
    throw new Error(
      `PLATFORM_NODE_ID must be 1-64 of [A-Za-z0-9_.-]; got ${JSON.stringify(nodeId)}.`,
    );
  }
  return {
    redisPrefix: 'agentsdk-platform:',
    leaseTtlMs: 10_000,
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
    sandboxReadOnly: [],
    egressAllow: {},
    maxMessageChars: 100_000,
    maxBodyBytes: 1 << 20,
    userRateLimit: { perMinute: 120, burst: 30 },
    tenantRateLimit: { perMinute: 1200, burst: 200 },
    maxTokenAgeSec: 24 * 3600,
    sessionRetentionMs: 0,
    authFailureRateLimit: { perMinute: 60, burst: 20 },
    ...config,
    sandbox: typeof config.sandbox === 'object' ? config.sandbox : sandboxFrom(config.sandbox),
    dataDir,
    nodeId,
    nodeDir: config.redisUrl ? join(dataDir, 'nodes', nodeId) : dataDir,
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
    redisUrl: env['REDIS_URL'] || undefined,
    redisPrefix: env['PLATFORM_REDIS_PREFIX'] || 'agentsdk-platform:',
    nodeId: env['PLATFORM_NODE_ID'] || undefined,
    leaseTtlMs: numberFrom(env['PLATFORM_LEASE_TTL_MS'], 10_000),
    sandboxReadOnly: (env['PLATFORM_SANDBOX_READ_ONLY'] ?? '').split(':').filter(Boolean),
    host: env['PLATFORM_HOST'] ?? '127.0.0.1',
    port: numberFrom(env['PORT'], 8787),
    cliPath: env['CLAUDE_CLI_PATH'] || undefined,
    sandbox: sandboxFrom(env['PLATFORM_SANDBOX'] || undefined),
    egressAllow: env['PLATFORM_EGRESS_ALLOW']
      ? (JSON.parse(env['PLATFORM_EGRESS_ALLOW']) as PlatformConfig['egressAllow'])
      : {},
    cliEnv: env['PLATFORM_CLI_ENV']
      ? (JSON.parse(env['PLATFORM_CLI_ENV']) as PlatformConfig['cliEnv'])
      : {},
    modelApi: {
      baseUrl: env['ANTHROPIC_BASE_URL'] || 'https://api.anthropic.com',
      apiKey: env['ANTHROPIC_API_KEY'] || undefined,
      authToken: env['ANTHROPIC_AUTH_TOKEN'] || undefined,
    },
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
    webhook:
      webhookUrl && webhookSecret
        ? {
            url: webhookUrl,
            secret: webhookSecret,
            timeoutMs: numberFrom(env['PLATFORM_WEBHOOK_TIMEOUT_MS'], 10_000),
            pollMs: numberFrom(env['PLATFORM_WEBHOOK_POLL_MS'], 1000),
          }
        : undefined,
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
