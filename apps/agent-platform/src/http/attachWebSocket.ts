import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken, verifyToken } from '../auth/tokens.js';
import { PlatformError } from '../errors/PlatformError.js';
import type { Metrics } from '../observability/Metrics.js';
import type { SessionManager } from '../sessions/SessionManager.js';
import type { StoredEvent } from '../store/records.js';

const PATH = /^\/api\/sessions\/([^/]+)\/stream$/;

function reject(socket: Duplex, error: PlatformError): void {
  const body = JSON.stringify(error.toJSON());
  socket.end(
    `HTTP/1.1 ${error.status} ${error.code}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const frame = (event: StoredEvent): string =>
  JSON.stringify({
    id: event.id,
    sessionId: event.sessionId,
    createdAt: event.createdAt,
    ...(event.payload as object),
  });

/**
 * `GET /api/sessions/:id/stream` upgraded to a WebSocket. Auth: `Authorization: Bearer` or
 * `?token=` (browsers cannot set headers on WebSockets). `?lastEventId=N` (or the
 * `last-event-id` header) replays every event after N, then streams live ones. Client frames:
 * `{"type":"chat","message":"…"}` runs a turn; its events arrive on the stream, its outcome as
 * `{"kind":"turn_outcome",…}`; failures as `{"kind":"error","error":{code,message}}`.
 */
export function attachWebSocket(
  server: Server,
  deps: { jwtSecret: string; sessions: SessionManager; metrics: Metrics },
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  deps.metrics.gauge('platform_ws_connections', 'Open WebSocket connections', () => [
    [{}, wss.clients.size],
  ]);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      if (!match?.[1])
        return reject(
          socket,
          new PlatformError('not_found', `No WebSocket route ${url.pathname}.`),
        );
      const sessionId = decodeURIComponent(match[1]);
      try {
        if (deps.sessions.isDraining)
          throw new PlatformError('shutting_down', 'The server is shutting down.');
        const token =
          bearerToken(request.headers.authorization) ?? url.searchParams.get('token') ?? undefined;
        if (!token)
          throw new PlatformError(
            'unauthorized',
            'Unauthorized: pass a bearer token (header or ?token=).',
          );
        const principal = await verifyToken(deps.jwtSecret, token);
        const afterRaw =
          url.searchParams.get('lastEventId') ?? request.headers['last-event-id'] ?? '0';
        const afterId = Number(afterRaw);
        if (!Number.isInteger(afterId) || afterId < 0)
          throw new PlatformError('bad_request', 'lastEventId must be a non-negative integer.');
        await deps.sessions.get(principal, sessionId); // 404 / 403 before upgrading
        wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
          let unsubscribe: (() => void) | undefined;
          let closed = false;
          ws.on('close', () => {
            closed = true;
            unsubscribe?.();
          });
          ws.on('message', (data) => {
            let parsed: { type?: unknown; message?: unknown };
            try {
              parsed = JSON.parse(String(data)) as typeof parsed;
            } catch {
              ws.send(
                JSON.stringify(new PlatformError('bad_request', 'Frames must be JSON.').toJSON()),
              );
              return;
            }
            if (parsed.type !== 'chat' || typeof parsed.message !== 'string' || !parsed.message) {
              ws.send(
                JSON.stringify({
                  kind: 'error',
                  ...new PlatformError(
                    'bad_request',
                    'Send {"type":"chat","message":"…"}.',
                  ).toJSON(),
                }),
              );
              return;
            }
            deps.sessions
              .chat(principal, sessionId, parsed.message)
              .then(
                (outcome) =>
                  !closed && ws.send(JSON.stringify({ kind: 'turn_outcome', ...outcome })),
              )
              .catch((error: unknown) => {
                const e = PlatformError.is(error)
                  ? error
                  : new PlatformError('internal', String(error));
                if (!closed) ws.send(JSON.stringify({ kind: 'error', ...e.toJSON() }));
              });
          });
          void deps.sessions
            .subscribe(principal, sessionId, afterId, (event) => {
              if (!closed) ws.send(frame(event));
            })
            .then((off) => {
              if (closed) off();
              else unsubscribe = off;
            })
            .catch(() => ws.close(1011, 'subscribe failed'));
        });
      } catch (error) {
        reject(
          socket,
          PlatformError.is(error) ? error : new PlatformError('internal', String(error)),
        );
      }
    })();
  });
  return wss;
}
