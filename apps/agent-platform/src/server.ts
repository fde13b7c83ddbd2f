import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { AuditLog } from './audit/AuditLog.js';
import { Authenticator } from './auth/Authenticator.js';
import { resolveConfig, type PlatformConfig } from './config/PlatformConfig.js';
import { attachWebSocket } from './http/attachWebSocket.js';
import { createApp } from './http/createApp.js';
import { lockDataDir } from './lifecycle/dataDirLock.js';
import { OWNER_ENV, ownerMarker, reapOrphans } from './lifecycle/orphans.js';
import { startWatchdog, type Watchdog } from './lifecycle/startWatchdog.js';
import { MemoryRateLimiter, type RateLimiter } from './limits/RateLimiter.js';
import { Metrics } from './observability/Metrics.js';
import { ModelProxy } from './proxy/ModelProxy.js';
import { Cluster } from './cluster/Cluster.js';
import { RedisRateLimiter } from './limits/RedisRateLimiter.js';
import { ClusterSessions } from './sessions/ClusterSessions.js';
import { SessionManager } from './sessions/SessionManager.js';
import type { SessionService } from './sessions/SessionService.js';
import { SessionPurger } from './sessions/SessionPurger.js';
import { createRepository } from './store/createRepository.js';
import type { Repository } from './store/Repository.js';
import { WebhookDispatcher } from './webhooks/WebhookDispatcher.js';

export interface Platform {
  /** `http://127.0.0.1:<port>` */
  url: string;
  config: PlatformConfig;
  repository: Repository;
  sessions: SessionManager;
  /** Cluster mode (`redisUrl`): this node's Redis side. */
  cluster: Cluster | undefined;
  metrics: Metrics;
  audit: AuditLog;
  purger: SessionPurger;
  /** Graceful: stop accepting, pause in-flight turns, persist, close. Idempotent. */
  close(): Promise<void>;
}

type StartOptions = Partial<PlatformConfig> &
  Pick<PlatformConfig, 'jwtSecret' | 'dataDir'> & {
    repository?: Repository;
    /** Shared request counters (e.g. Redis-backed across servers); in memory by default. */
    rateLimiter?: RateLimiter;
  };

/**
 * Start the platform: lock the data directory, kill what a crashed predecessor left running,
 * repository (migrated), recovery of its sessions (`paused`), HTTP + WS.
 */
export async function startPlatform(options: StartOptions): Promise<Platform> {
  const config = resolveConfig(options);
  mkdirSync(config.nodeDir, { recursive: true });
  const unlock = lockDataDir(config.nodeDir);
  const marker = ownerMarker(config.nodeDir);
  let watchdog: Watchdog | undefined;
  const release = async (): Promise<void> => {
    await watchdog?.stop();
    unlock();
  };
  try {
    const reaped = await reapOrphans(marker);
    if (reaped.length > 0) {
      console.error(`[platform] stopped ${reaped.length} process(es) a previous run left behind`);
    }
    // Marks every CLI (and its children) as this data directory's: the watchdog (unconfined
    // CLIs) kills them if this process dies, and the next start reaps any it missed.
    config.cliEnv = { ...config.cliEnv, [OWNER_ENV]: marker };
    // A sandbox dies with the server by itself (bwrap --die-with-parent); unconfined CLIs
    // need a watchdog process to be killed when the server is.
    if (!config.sandbox.isolates) watchdog = await startWatchdog(marker);
    return await servePlatform(config, options, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function servePlatform(
  config: PlatformConfig,
  options: StartOptions,
  release: () => Promise<void>,
): Promise<Platform> {
  await config.sandbox.check();
  if (!config.sandbox.isolates) {
    console.error(
      "[platform] WARNING: PLATFORM_SANDBOX=unsafe-none: agents run without an OS sandbox, as this server's user, and can read its files and reach its network. Use it for local development only.",
    );
  }
  // Sockets of a previous process's sessions: their keys died with it, so they are only litter.
  rmSync(join(config.nodeDir, 'run'), { recursive: true, force: true });
  const repository = options.repository ?? (await createRepository(config));
  let cluster: Cluster | undefined;
  try {
    if (config.redisUrl) {
      cluster = await Cluster.connect({
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        nodeId: config.nodeId,
        leaseTtlMs: config.leaseTtlMs,
        secret: config.jwtSecret,
      });
    }
  } catch (error) {
    await repository.close();
    throw error;
  }
  const metrics = new Metrics();
  const audit = new AuditLog(repository);
  const limiter =
    options.rateLimiter ??
    (cluster ? new RedisRateLimiter(cluster.redis, config.redisPrefix) : new MemoryRateLimiter());
  const limits = { limiter, user: config.userRateLimit, tenant: config.tenantRateLimit };
  const auth = new Authenticator({
    jwtSecret: config.jwtSecret,
    maxTokenAgeSec: config.maxTokenAgeSec,
    audit,
    limiter,
    failureLimit: config.authFailureRateLimit,
  });
  const proxy = new ModelProxy({ log: (line) => console.error(line) });
  await proxy.start();
  const webhooks = new WebhookDispatcher(config.webhook, repository, metrics);
  const clusterRef: { current?: ClusterSessions } = {};
  const sessions = new SessionManager(
    config,
    repository,
    webhooks,
    metrics,
    proxy,
    cluster ? ClusterSessions.hooks(cluster, repository, clusterRef) : undefined,
  );
  const service: SessionService & { shutdown(): Promise<void> } = cluster
    ? (clusterRef.current = new ClusterSessions(sessions, cluster, repository, config, metrics))
    : sessions;
  await clusterRef.current?.start(config.sweepIntervalMs);
  const purger = new SessionPurger({
    dataDir: config.dataDir,
    repository,
    retentionMs: config.sessionRetentionMs,
    intervalMs: config.sweepIntervalMs,
    onError: (error) => console.error('[platform] purging an ended session failed', error),
    ...(cluster
      ? {
          exclusive: (key: string, fn: () => Promise<number>) =>
            cluster.once.exclusive(key, 10 * 60_000, fn),
        }
      : {}),
  });
  await sessions.recover();
  sessions.startSweeper();
  // Deletions a crash interrupted, or whose retention passed while the server was down.
  await purger.sweep();
  purger.start();
  // Deliveries queued by another node, or by this one before a restart, that nobody finished.
  webhooks.start();
  const messageLimits = {
    maxMessageChars: config.maxMessageChars,
    maxBodyBytes: config.maxBodyBytes,
  };
  const app = createApp({
    sessions: service,
    repository,
    metrics,
    auth,
    audit,
    limits,
    purger,
    metricsToken: config.metricsToken,
    ...(cluster
      ? {
          ready: async () => {
            await Promise.all([cluster.redis.ping(), repository.getSession('readyz')]);
            return true;
          },
        }
      : {}),
    ...messageLimits,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s as Server),
    );
  });
  const wss = attachWebSocket(server, {
    sessions: service,
    metrics,
    auth,
    audit,
    limits,
    ...messageLimits,
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    config,
    repository,
    sessions,
    cluster,
    metrics,
    audit,
    purger,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        purger.stop();
        await service.shutdown();
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        wss.close();
        // Let responses of the turns just finished go out, then cut what is left.
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), 5000);
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        await closed;
        clearTimeout(timer);
        clearInterval(idle);
        await webhooks.drain();
        await purger.sweep().catch(() => 0);
        await audit.drain();
        await proxy.close();
        await cluster?.close();
        await repository.close();
        await release();
      })();
      return closing;
    },
  };
}
