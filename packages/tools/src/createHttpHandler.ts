import type { McpSdkServerConfig } from '@agentsdk/core';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authenticate,
  metadataDocument,
  type AuthInfo,
  type HttpAuthOptions,
} from './http/bearerAuth.js';
import { hostCheck, isLoopbackAddress, type HostCheckOptions } from './http/hostCheck.js';
import { InMemoryEventStore, type EventStore } from './http/InMemoryEventStore.js';
import { createMcpServer } from './server/createMcpServer.js';
import { registryOf } from './server/registryOf.js';
import type { ServerRegistry } from './server/ServerRegistry.js';

export interface HttpHandlerOptions extends HostCheckOptions {
  /**
   * No sessions: every request gets a fresh server, nothing is kept between requests. Simple to
   * scale out, but a call cannot be cancelled (the cancel notification arrives in another
   * request). Default `false`.
   */
  stateless?: boolean;
  /** Answer POSTs with plain JSON instead of an SSE stream (then no progress or log notifications). Default `false`. */
  enableJsonResponse?: boolean;
  /** A session with no request for this long is closed. Default 30 minutes; `0` keeps sessions until DELETE or `close()`. */
  sessionIdleTimeoutMs?: number;
  /** Default `crypto.randomUUID`. */
  sessionIdGenerator?: () => string;
  /**
   * Where SSE events are kept so a client that lost its stream resumes with `Last-Event-ID`.
   * Default: an `InMemoryEventStore` per handler; `false` turns resumability off.
   */
  eventStore?: EventStore | false;
  /** Milliseconds a client waits before reconnecting a closed stream (the SSE `retry` field). */
  retryInterval?: number;
  /** Verify a bearer token before any MCP message, and serve the protected-resource metadata. */
  auth?: HttpAuthOptions;
  /** Called with errors sessions report. Default: ignored. */
  onError?: (error: Error) => void;
}

/**
 * A Streamable HTTP MCP endpoint. Call it as a `node:http` listener, or from any framework:
 * Express `app.all('/mcp', (req, res) => mcp(req, res, req.body))`, or `mcp.fetch(request)` for
 * Web-standard runtimes (Hono, Bun, Deno, Next.js route handlers).
 */
export interface McpHttpHandler {
  (req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void>;
  /** The same endpoint for a Web `Request`. */
  fetch(request: Request): Promise<Response>;
  /** Close every session (running tool calls are aborted); later requests get 503. Idempotent. */
  close(): Promise<void>;
  /** Open sessions (for monitoring and tests). */
  readonly sessionCount: number;
}

type HttpTransport = StreamableHTTPServerTransport | WebStandardStreamableHTTPServerTransport;

interface Session<T extends HttpTransport> {
  server: Server;
  transport: T;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const DEFAULT_IDLE_MS = 30 * 60 * 1000;

/**
 * Serve a `createSdkMcpServer()` config over MCP Streamable HTTP. Each client session gets its
 * own MCP server instance (the tool list and schemas are shared, built once).
 *
 * ```ts
 * const mcp = createHttpHandler(calculator);
 * http.createServer(mcp).listen(3000, '127.0.0.1');
 * ```
 */
export function createHttpHandler(
  server: McpSdkServerConfig,
  options: HttpHandlerOptions = {},
): McpHttpHandler {
  const registry = registryOf(server, 'createHttpHandler');
  const idleMs = options.sessionIdleTimeoutMs ?? DEFAULT_IDLE_MS;
  const eventStore =
    options.eventStore === false ? undefined : (options.eventStore ?? new InMemoryEventStore());
  const transportOptions = {
    enableJsonResponse: options.enableJsonResponse,
    ...(options.retryInterval !== undefined && { retryInterval: options.retryInterval }),
  };
  const sessionOptions = { ...transportOptions, ...(eventStore && { eventStore }) };
  const nodeSessions = createSessions<StreamableHTTPServerTransport>(
    registry,
    options,
    idleMs,
    (hooks) => new StreamableHTTPServerTransport({ ...sessionOptions, ...hooks }),
  );
  const webSessions = createSessions<WebStandardStreamableHTTPServerTransport>(
    registry,
    options,
    idleMs,
    (hooks) => new WebStandardStreamableHTTPServerTransport({ ...sessionOptions, ...hooks }),
  );
  const statelessOpen = new Set<Server>();
  let closed = false;

  const handleNode = async (
    req: IncomingMessage,
    res: ServerResponse,
    parsedBody?: unknown,
  ): Promise<void> => {
    // Express and friends pass `next` third: it is not a body.
    const body = typeof parsedBody === 'function' ? undefined : parsedBody;
    if (closed) return writeJson(res, 503, rpcError(-32000, 'MCP server is shutting down.'));
    const refusal = hostCheck(
      headerOf(req.headers.host),
      headerOf(req.headers.origin),
      isLoopbackAddress(req.socket?.localAddress),
      options,
    );
    if (refusal !== undefined) return writeJson(res, 403, rpcError(-32000, refusal));
    if (options.auth) {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const document =
        req.method === 'GET' ? metadataDocument(options.auth, url.pathname) : undefined;
      if (document !== undefined) return writeJson(res, 200, document);
      const outcome = await authenticate(
        options.auth,
        headerOf(req.headers.authorization),
        new Request(url, { method: req.method ?? 'GET', headers: headersOf(req) }),
      );
      if (!outcome.ok) {
        res.writeHead(outcome.status, { ...outcome.headers, 'content-type': 'application/json' });
        res.end(JSON.stringify(outcome.body));
        return;
      }
      (req as IncomingMessage & { auth?: AuthInfo }).auth = outcome.authInfo;
    }

    if (options.stateless) {
      const mcpServer = createMcpServer(registry);
      const transport = new StreamableHTTPServerTransport({
        ...transportOptions,
        sessionIdGenerator: undefined,
      });
      statelessOpen.add(mcpServer);
      res.on('close', () => {
        statelessOpen.delete(mcpServer);
        void mcpServer.close();
      });
      mcpServer.onerror = (error) => options.onError?.(error);
      await mcpServer.connect(transport);
      await transport.handleRequest(req, res, body);
      return;
    }

    const sessionId = headerOf(req.headers['mcp-session-id']);
    if (sessionId !== undefined) {
      const session = nodeSessions.get(sessionId);
      if (!session) return writeJson(res, 404, rpcError(-32001, 'Session not found.'));
      await session.transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST') {
      return writeJson(
        res,
        400,
        rpcError(
          -32000,
          'Bad Request: no valid mcp-session-id header; start with an initialize POST.',
        ),
      );
    }
    const session = await nodeSessions.open();
    await session.transport.handleRequest(req, res, body);
    await nodeSessions.discardIfUninitialized(session);
  };

  const handleFetch = async (request: Request): Promise<Response> => {
    if (closed) return jsonResponse(503, rpcError(-32000, 'MCP server is shutting down.'));
    // The runtime hides the local address: hold every request to the loopback policy by default.
    const refusal = hostCheck(
      request.headers.get('host') ?? new URL(request.url).host,
      request.headers.get('origin') ?? undefined,
      true,
      options,
    );
    if (refusal !== undefined) return jsonResponse(403, rpcError(-32000, refusal));
    let authInfo: AuthInfo | undefined;
    if (options.auth) {
      const document =
        request.method === 'GET'
          ? metadataDocument(options.auth, new URL(request.url).pathname)
          : undefined;
      if (document !== undefined) return jsonResponse(200, document);
      const outcome = await authenticate(
        options.auth,
        request.headers.get('authorization') ?? undefined,
        request,
      );
      if (!outcome.ok) {
        return new Response(JSON.stringify(outcome.body), {
          status: outcome.status,
          headers: { ...outcome.headers, 'content-type': 'application/json' },
        });
      }
      authInfo = outcome.authInfo;
    }
    const handleOptions = authInfo ? { authInfo } : undefined;

    if (options.stateless) {
      const mcpServer = createMcpServer(registry);
      const transport = new WebStandardStreamableHTTPServerTransport({
        ...transportOptions,
        sessionIdGenerator: undefined,
      });
      mcpServer.onerror = (error) => options.onError?.(error);
      await mcpServer.connect(transport);
      return transport.handleRequest(request, handleOptions);
    }

    const sessionId = request.headers.get('mcp-session-id') ?? undefined;
    if (sessionId !== undefined) {
      const session = webSessions.get(sessionId);
      if (!session) return jsonResponse(404, rpcError(-32001, 'Session not found.'));
      return session.transport.handleRequest(request, handleOptions);
    }
    if (request.method !== 'POST') {
      return jsonResponse(
        400,
        rpcError(
          -32000,
          'Bad Request: no valid mcp-session-id header; start with an initialize POST.',
        ),
      );
    }
    const session = await webSessions.open();
    const response = await session.transport.handleRequest(request, handleOptions);
    await webSessions.discardIfUninitialized(session);
    return response;
  };

  let closing: Promise<void> | undefined;
  const handler = Object.assign(handleNode, {
    fetch: handleFetch,
    close: (): Promise<void> => {
      closed = true;
      closing ??= (async () => {
        await Promise.all([
          nodeSessions.closeAll(),
          webSessions.closeAll(),
          ...[...statelessOpen].map((s) => s.close()),
        ]);
        statelessOpen.clear();
      })();
      return closing;
    },
  });
  Object.defineProperty(handler, 'sessionCount', {
    get: () => nodeSessions.size() + webSessions.size(),
  });
  return handler as McpHttpHandler;
}

interface TransportHooks {
  sessionIdGenerator: () => string;
  onsessioninitialized: (sessionId: string) => void;
}

function createSessions<T extends HttpTransport>(
  registry: ServerRegistry,
  options: HttpHandlerOptions,
  idleMs: number,
  makeTransport: (hooks: TransportHooks) => T,
) {
  const sessions = new Map<string, Session<T>>();

  const drop = (session: Session<T>): void => {
    if (session.timer) clearTimeout(session.timer);
    const id = session.transport.sessionId;
    if (id !== undefined && sessions.get(id) === session) sessions.delete(id);
    void session.server.close();
  };

  const touch = (session: Session<T>): void => {
    if (idleMs <= 0) return;
    if (session.timer) clearTimeout(session.timer);
    session.timer = setTimeout(() => void session.transport.close(), idleMs);
    session.timer.unref?.();
  };

  return {
    size: () => sessions.size,
    get(id: string): Session<T> | undefined {
      const session = sessions.get(id);
      if (session) touch(session);
      return session;
    },
    async open(): Promise<Session<T>> {
      const session: Session<T> = {
        server: createMcpServer(registry),
        transport: undefined as unknown as T,
        timer: undefined,
      };
      session.transport = makeTransport({
        sessionIdGenerator: options.sessionIdGenerator ?? randomUUID,
        onsessioninitialized: (id) => {
          sessions.set(id, session);
          touch(session);
        },
      });
      session.transport.onclose = () => drop(session);
      session.server.onerror = (error) => options.onError?.(error);
      await session.server.connect(session.transport);
      return session;
    },
    /** A first POST that was not a valid initialize leaves no session behind. */
    async discardIfUninitialized(session: Session<T>): Promise<void> {
      if (session.transport.sessionId === undefined) await session.server.close();
    },
    async closeAll(): Promise<void> {
      await Promise.all([...sessions.values()].map((s) => s.transport.close()));
      sessions.clear();
    },
  };
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function rpcError(code: number, message: string) {
  return { jsonrpc: '2.0' as const, error: { code, message }, id: null };
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
