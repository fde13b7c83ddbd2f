import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
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
import type { StoredEvent } from '../domain/records.js';

const PATH = /^\/api\/sessions\/([^/]+)\/stream$/;

/** Close codes a client can act on (4000–4999 are the application's). */
export const WS_CLOSE = {
  /** A frame over `maxBodyBytes` (RFC 6455 "message too big"). */
  tooBig: 1009,
  /** The token that opened the socket expired: reconnect with a fresh one and `lastEventId`. */
  tokenExpired: 4001,
} as const;

/** setTimeout's ceiling (~24.8 days); a later expiry is re-armed from there. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function reject(socket: Duplex, error: PlatformError): void {
  const body = JSON.stringify(error.toJSON());
  const retryAfter = error.details?.['retryAfterSec'];
  socket.end(
    `HTTP/1.1 ${error.status} ${error.code}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${typeof retryAfter === 'number' ? `retry-after: ${retryAfter}\r\n` : ''}connection: close\r\n\r\n${body}`,
  );
}

const OUTCOME_WAIT_MS = 5_000;

const frame = (event: StoredEvent): string =>
  JSON.stringify({
    id: event.id,
    sessionId: event.sessionId,
    createdAt: event.createdAt,
    ...(event.payload as object),
  });

const errorFrame = (error: PlatformError): string =>
  JSON.stringify({ kind: 'error', ...error.toJSON() });

export interface WebSocketDeps {
  sessions: SessionService;
  audit: AuditLog;
  metrics: Metrics;
  auth: Authenticator;
  limits: RequestLimits;
  maxMessageChars: number;
  /** The largest frame accepted; a larger one closes the socket with 1009. */
  maxBodyBytes: number;
}

/**
 * `GET /api/sessions/:id/stream` upgraded to a WebSocket. Auth: `Authorization: Bearer` or
 * `?token=` (browsers cannot set headers on WebSockets). `?lastEventId=N` (or the
 * `last-event-id` header) replays every event after N, then streams live ones. Client frames:
 * `{"type":"chat","message":"…"}` runs a turn; its events arrive on the stream, its outcome as
 * `{"kind":"turn_outcome",…}`; failures as `{"kind":"error","error":{code,message}}`. The socket
 * closes with 4001 when its token expires, 1009 on an oversized frame.
 */
export function attachWebSocket(server: Server, deps: WebSocketDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxBodyBytes });
  wss.on('error', (error) => console.error('[platform] websocket server error', error));
  deps.metrics.gauge('platform_ws_connections', 'Open WebSocket connections', () => [
    [{}, wss.clients.size],
  ]);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client resetting while we authenticate must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      if (!match?.[1])
        return reject(
          socket,
          new PlatformError('not_found', `No WebSocket route ${url.pathname}.`),
        );
      const sessionId = decodeURIComponent(match[1]);
      const route = 'GET /api/sessions/:id/stream';
      const ip = request.socket.remoteAddress ?? null;
      let caller: Principal | undefined;
      try {
        if (deps.sessions.isDraining)
          throw new PlatformError('shutting_down', 'The server is shutting down.');
        const token =
          bearerToken(request.headers.authorization) ?? url.searchParams.get('token') ?? undefined;
        const { principal, expiresAt } = await deps.auth.verify(token, { route, ip });
        caller = principal;
        await assertWithinRate(deps.limits, principal);
        const afterRaw =
          url.searchParams.get('lastEventId') ?? request.headers['last-event-id'] ?? '0';
        const afterId = Number(afterRaw);
        if (!Number.isInteger(afterId) || afterId < 0)
          throw new PlatformError('bad_request', 'lastEventId must be a non-negative integer.');
        await deps.sessions.get(principal, sessionId); // 404 / 403 before upgrading
        wss.handleUpgrade(request, socket, head, (ws: WebSocket) =>
          serve(ws, deps, principal, sessionId, afterId, expiresAt),
        );
      } catch (error) {
        const e = PlatformError.is(error) ? error : new PlatformError('internal', String(error));
        if (e.code === 'forbidden' && caller) {
          deps.audit.record({
            kind: 'forbidden',
            route: `${route} (${sessionId})`,
            ip,
            tenantId: caller.tenantId,
            userId: caller.userId,
            detail: e.message,
          });
        }
        reject(socket, e);
      }
    })();
  });
  return wss;
}

function serve(
  ws: WebSocket,
  deps: WebSocketDeps,
  principal: Principal,
  sessionId: string,
  afterId: number,
  expiresAt: number,
): void {
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  let expiry: NodeJS.Timeout | undefined;
  const expire = (): void => {
    closed = true;
    ws.close(WS_CLOSE.tokenExpired, 'token expired');
  };
  const arm = (): void => {
    const left = expiresAt - Date.now();
    if (left <= 0) return expire();
    expiry = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  // ws closes the socket itself on a bad frame (1009 when too big, 1002/1007 otherwise); without
  // a listener the error would be uncaught and end the whole server.
  ws.on('error', () => undefined);
  ws.on('close', () => {
    closed = true;
    clearTimeout(expiry);
    unsubscribe?.();
  });
  const send = (text: string): void => {
    if (!closed) ws.send(text);
  };
  // The turn's outcome goes after its events: in a cluster they come over Redis from the node
  // that ran the turn and may trail the forwarded answer. Bounded, so a lost event cannot hold it.
  let delivered = afterId;
  const waiting: Array<{ id: number; done: () => void }> = [];
  const eventsUpTo = (id: number): Promise<void> =>
    new Promise((resolve) => {
      if (delivered >= id) return resolve();
      const timer = setTimeout(resolve, OUTCOME_WAIT_MS);
      waiting.push({ id, done: () => (clearTimeout(timer), resolve()) });
    });
  const deliver = (event: StoredEvent): void => {
    send(frame(event));
    delivered = Math.max(delivered, event.id);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if ((waiting[i] as { id: number }).id <= delivered) waiting.splice(i, 1)[0]?.done();
    }
  };
  ws.on('message', (data) => {
    // The expiry timer may not have fired yet in this tick: no turn starts on an expired token.
    if (closed) return;
    if (Date.now() >= expiresAt) return expire();
    void (async () => {
      let parsed: { type?: unknown; message?: unknown };
      try {
        parsed = JSON.parse(String(data)) as typeof parsed;
      } catch {
        return send(errorFrame(new PlatformError('bad_request', 'Frames must be JSON.')));
      }
      if (parsed.type !== 'chat' || typeof parsed.message !== 'string' || !parsed.message) {
        return send(
          errorFrame(new PlatformError('bad_request', 'Send {"type":"chat","message":"…"}.')),
        );
      }
      try {
        assertMessageLength(parsed.message, deps.maxMessageChars);
        await assertWithinRate(deps.limits, principal);
        if (closed) return;
        const outcome = await deps.sessions.chat(principal, sessionId, parsed.message);
        await eventsUpTo(outcome.lastEventId);
        send(JSON.stringify({ kind: 'turn_outcome', ...outcome }));
      } catch (error) {
        send(
          errorFrame(
            PlatformError.is(error) ? error : new PlatformError('internal', String(error)),
          ),
        );
      }
    })();
  });
  void deps.sessions
    .subscribe(principal, sessionId, afterId, deliver)
    .then((off) => {
      if (closed) off();
      else unsubscribe = off;
    })
    .catch(() => ws.close(1011, 'subscribe failed'));
}
