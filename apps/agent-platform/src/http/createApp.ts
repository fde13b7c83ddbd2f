import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Principal } from '../auth/Principal.js';
import { bearerToken, verifyToken } from '../auth/tokens.js';
import { PlatformError } from '../errors/PlatformError.js';
import type { Metrics } from '../observability/Metrics.js';
import type { SessionManager } from '../sessions/SessionManager.js';
import { sessionView } from '../sessions/SessionView.js';
import type { Repository } from '../store/Repository.js';
import { CHAT_PAGE } from './chatPage.js';

type Env = { Variables: { principal: Principal } };

const CreateBody = z.object({ systemPrompt: z.string().max(20_000).optional() }).strict();
const ChatBody = z.object({ message: z.string().min(1).max(100_000) }).strict();

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
  jwtSecret: string;
  sessions: SessionManager;
  repository: Repository;
  metrics: Metrics;
}

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
    return c.json(platformError.toJSON(), platformError.status as 500);
  });
  app.notFound((c) =>
    c.json(new PlatformError('not_found', `No route ${c.req.method} ${c.req.path}.`).toJSON(), 404),
  );

  app.get('/', (c) => c.html(CHAT_PAGE));
  app.get('/health', (c) =>
    c.json(
      {
        status: sessions.isDraining ? 'draining' : 'ok',
        database: deps.repository.kind,
        processes: sessions.liveProcesses,
      },
      sessions.isDraining ? 503 : 200,
    ),
  );
  app.get('/metrics', (c) =>
    c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );

  app.use('/api/*', async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token)
      throw new PlatformError('unauthorized', "Unauthorized: send 'Authorization: Bearer <jwt>'.");
    c.set('principal', await verifyToken(deps.jwtSecret, token));
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
  app.delete('/api/sessions/:id', async (c) =>
    c.json(sessionView(await sessions.end(c.get('principal'), c.req.param('id')))),
  );
  app.post('/api/sessions/:id/pause', async (c) =>
    c.json(sessionView(await sessions.pause(c.get('principal'), c.req.param('id')))),
  );
  app.post('/api/sessions/:id/resume', async (c) =>
    c.json(sessionView(await sessions.resume(c.get('principal'), c.req.param('id')))),
  );
  app.post('/api/sessions/:id/chat', async (c) => {
    const { message } = await parseBody(c, ChatBody);
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
    return c.json({
      tenantId: principal.tenantId,
      ...(userId ? { userId } : {}),
      ...(await sessions.usage(principal, userId ? { userId } : {})),
    });
  });

  return app;
}
