import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { Principal } from '../domain/Principal.js';
import { bearerToken } from '../auth/tokens.js';
import { PlatformError } from '../domain/PlatformError.js';
import {
  assertMessageLength,
  assertWithinRate,
  type RequestLimits,
} from '../limits/requestLimits.js';
import type { Metrics } from '../observability/Metrics.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionPurger } from '../sessions/SessionPurger.js';
import { sessionView } from '../sessions/SessionView.js';
import type { Repository } from '../store/Repository.js';
import { CHAT_PAGE } from './chatPage.js';
import { errorResponse, hasBearer } from './guards.js';

type Env = { Variables: { principal: Principal } };

const CreateBody = z.object({ systemPrompt: z.string().max(20_000).optional() }).strict();
const ChatBody = z.object({ message: z.string().min(1) }).strict();

async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown = {};
  const text = await c.req.text();
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new PlatformError('bad_request', 'The body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError(
      'bad_request',
      `Invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export interface AppDeps {
  sessions: SessionService;
  repository: Repository;
  metrics: Metrics;
  auth: Authenticator;
  audit: AuditLog;
  limits: RequestLimits;
  purger: SessionPurger;
  maxMessageChars: number;
  maxBodyBytes: number;
  /** `/metrics` needs it as a bearer token; without one `/metrics` is off (404). */
  metricsToken: string | undefined;
  /** What `/readyz` checks beyond draining (cluster mode: Redis and the database answer). */
  ready?: () => Promise<boolean>;
}

/** The client's address as the socket saw it (no proxy header is trusted). */
const clientIp = (c: Context): string | null => {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
};

/** The HTTP API (Hono). WebSocket streaming is attached to the node server separately. */
export function createApp(deps: AppDeps): Hono<Env> {
  const { sessions, metrics } = deps;
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    await next();
    const route = c.req.routePath || 'unmatched';
    metrics.inc('platform_http_requests_total', 'HTTP requests', {
      method: c.req.method,
      route,
      status: String(c.res.status),
    });
  });

  app.onError((error, c) => {
    const platformError = PlatformError.is(error)
      ? error
      : new PlatformError('internal', 'Internal error; see the server log.', { cause: error });
    if (!PlatformError.is(error)) console.error(error);
    const principal = c.get('principal') as Principal | undefined;
    if (platformError.code === 'forbidden' && principal) {
      deps.audit.record({
        kind: 'forbidden',
        route: `${c.req.method} ${c.req.path}`,
        ip: clientIp(c),
        tenantId: principal.tenantId,
        userId: principal.userId,
        detail: platformError.message,
      });
    }
    return errorResponse(c, platformError);
  });
  app.notFound((c) =>
    c.json(new PlatformError('not_found', `No route ${c.req.method} ${c.req.path}.`).toJSON(), 404),
  );

  // Before any route reads it: a body over the limit is refused while it streams in.
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new PlatformError(
          'payload_too_large',
          `The request body is over ${deps.maxBodyBytes} bytes.`,
          { details: { limit: deps.maxBodyBytes } },
        );
      },
    }),
  );

  app.get('/', (c) => c.html(CHAT_PAGE));
  // Liveness for load balancers: no tenant data, no load figures unless the metrics token is sent.
  app.get('/health', (c) => {
    const status = sessions.isDraining ? 'draining' : 'ok';
    const details = hasBearer(c.req.header('authorization'), deps.metricsToken)
      ? { database: deps.repository.kind, processes: sessions.liveProcesses }
      : {};
    return c.json({ status, ...details }, sessions.isDraining ? 503 : 200);
  });
  // For load balancers and orchestrators: alive (the process serves), and ready (take traffic:
  // not draining, its stores reachable). A draining node answers 503 on /readyz at once.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (sessions.isDraining) return c.json({ status: 'draining' }, 503);
    const ok = deps.ready ? await deps.ready().catch(() => false) : true;
    return c.json({ status: ok ? 'ready' : 'unavailable' }, ok ? 200 : 503);
  });
  app.get('/metrics', (c) => {
    if (!deps.metricsToken) {
      throw new PlatformError('not_found', 'Metrics are off; set PLATFORM_METRICS_TOKEN.');
    }
    if (!hasBearer(c.req.header('authorization'), deps.metricsToken)) {
      deps.audit.record({ kind: 'auth_failure', route: 'GET /metrics', ip: clientIp(c) });
      throw new PlatformError(
        'unauthorized',
        "Unauthorized: send 'Authorization: Bearer <PLATFORM_METRICS_TOKEN>'.",
      );
    }
    return c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' });
  });

  app.use('/api/*', async (c, next) => {
    const { principal } = await deps.auth.verify(bearerToken(c.req.header('authorization')), {
      route: `${c.req.method} ${c.req.path}`,
      ip: clientIp(c),
    });
    c.set('principal', principal);
    await assertWithinRate(deps.limits, principal);
    await next();
  });

  app.get('/api/me', (c) => c.json(c.get('principal')));

  app.post('/api/sessions', async (c) => {
    const body = await parseBody(c, CreateBody);
    const record = await sessions.create(c.get('principal'), body);
    return c.json(sessionView(record), 201);
  });
  app.get('/api/sessions', async (c) =>
    c.json({ sessions: (await sessions.list(c.get('principal'))).map(sessionView) }),
  );
  app.get('/api/sessions/:id', async (c) =>
    c.json(sessionView(await sessions.get(c.get('principal'), c.req.param('id')))),
  );
  app.delete('/api/sessions/:id', async (c) => {
    const record = await sessions.end(c.get('principal'), c.req.param('id'));
    // Retention 0: its workspace, transcript and events go now (else the purger's timer does it).
    if (deps.purger.retentionMs === 0) await deps.purger.purge(record);
    return c.json(sessionView(record));
  });
  app.post('/api/sessions/:id/pause', async (c) =>
    c.json(sessionView(await sessions.pause(c.get('principal'), c.req.param('id')))),
  );
  app.post('/api/sessions/:id/resume', async (c) =>
    c.json(sessionView(await sessions.resume(c.get('principal'), c.req.param('id')))),
  );
  app.post('/api/sessions/:id/chat', async (c) => {
    const { message } = await parseBody(c, ChatBody);
    assertMessageLength(message, deps.maxMessageChars);
    return c.json(await sessions.chat(c.get('principal'), c.req.param('id'), message));
  });
  app.get('/api/sessions/:id/events', async (c) => {
    const after = Number(c.req.query('after') ?? 0);
    if (!Number.isInteger(after) || after < 0)
      throw new PlatformError('bad_request', '`after` must be a non-negative integer.');
    const events = await sessions.events(c.get('principal'), c.req.param('id'), after);
    return c.json({ events });
  });

  app.get('/api/usage', async (c) => {
    const principal = c.get('principal');
    return c.json({
      user: {
        userId: principal.userId,
        ...(await sessions.usage(principal, { userId: principal.userId })),
      },
      tenant: { tenantId: principal.tenantId, ...(await sessions.usage(principal, {})) },
    });
  });
  app.get('/api/tenants/:tenantId/usage', async (c) => {
    const principal = c.get('principal');
    if (c.req.param('tenantId') !== principal.tenantId) {
      throw new PlatformError('forbidden', 'You can only read your own tenant.');
    }
    const userId = c.req.query('user');
    if (userId !== undefined && userId !== principal.userId && principal.role !== 'admin') {
      throw new PlatformError('forbidden', "Only a tenant admin can read another user's usage.");
    }
    if (principal.role === 'admin' && userId !== principal.userId) {
      deps.audit.record({
        kind: 'admin_read',
        route: `GET ${c.req.path}`,
        ip: clientIp(c),
        tenantId: principal.tenantId,
        userId: principal.userId,
        detail: userId ? `usage of user ${userId}` : 'tenant usage',
      });
    }
    return c.json({
      tenantId: principal.tenantId,
      ...(userId ? { userId } : {}),
      ...(await sessions.usage(principal, userId ? { userId } : {})),
    });
  });
  app.get('/api/tenants/:tenantId/audit', async (c) => {
    const principal = c.get('principal');
    if (c.req.param('tenantId') !== principal.tenantId || principal.role !== 'admin') {
      throw new PlatformError('forbidden', 'Only an admin of this tenant can read its audit log.');
    }
    const limit = Number(c.req.query('limit') ?? 100);
    const since = Number(c.req.query('since') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !Number.isInteger(since)) {
      throw new PlatformError('bad_request', '`limit` must be 1–1000 and `since` epoch ms.');
    }
    deps.audit.record({
      kind: 'admin_read',
      route: `GET ${c.req.path}`,
      ip: clientIp(c),
      tenantId: principal.tenantId,
      userId: principal.userId,
      detail: 'audit log',
    });
    const entries = await deps.repository.listAudit({
      tenantId: principal.tenantId,
      since,
      limit,
    });
    return c.json({ entries });
  });

  return app;
}
