import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { resolveConfig, type PlatformConfig } from './config.js';
import { attachWebSocket } from './http/attachWebSocket.js';
import { createApp } from './http/createApp.js';
import { Metrics } from './observability/Metrics.js';
import { ModelProxy } from './proxy/ModelProxy.js';
import { SessionManager } from './sessions/SessionManager.js';
import { createRepository } from './store/createRepository.js';
import type { Repository } from './store/Repository.js';
import { WebhookDispatcher } from './webhooks/WebhookDispatcher.js';

export interface Platform {
  /** `http://127.0.0.1:<port>` */
  url: string;
  config: PlatformConfig;
  repository: Repository;
  sessions: SessionManager;
  metrics: Metrics;
  /** Graceful: stop accepting, pause in-flight turns, persist, close. Idempotent. */
  close(): Promise<void>;
}

type StartOptions = Partial<PlatformConfig> &
  Pick<PlatformConfig, 'jwtSecret' | 'dataDir'> & { repository?: Repository };

/** Start the platform: repository (migrated), recovery of sessions of a previous run, HTTP + WS. */
export async function startPlatform(options: StartOptions): Promise<Platform> {
  const config = resolveConfig(options);
  await config.sandbox.check();
  if (!config.sandbox.isolates) {
    console.error(
      "[platform] WARNING: PLATFORM_SANDBOX=unsafe-none: agents run without an OS sandbox, as this server's user, and can read its files and reach its network. Use it for local development only.",
    );
  }
  // Sockets of a previous process's sessions: their keys died with it, so they are only litter.
  rmSync(join(config.dataDir, 'run'), { recursive: true, force: true });
  const repository = options.repository ?? (await createRepository(config));
  const metrics = new Metrics();
  const proxy = new ModelProxy({ log: (line) => console.error(line) });
  await proxy.start();
  const webhooks = new WebhookDispatcher(config.webhook, repository, metrics);
  const sessions = new SessionManager(config, repository, webhooks, metrics, proxy);
  await sessions.recover();
  sessions.startSweeper();
  const app = createApp({ jwtSecret: config.jwtSecret, sessions, repository, metrics });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s as Server),
    );
  });
  const wss = attachWebSocket(server, { jwtSecret: config.jwtSecret, sessions, metrics });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    config,
    repository,
    sessions,
    metrics,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await sessions.shutdown();
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
        await proxy.close();
        await repository.close();
      })();
      return closing;
    },
  };
}
