import { randomUUID } from 'node:crypto';
import { sameSecret } from '../domain/sameSecret.js';
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sendApiError, sseError } from './apiError.js';
import { budgetRequest } from './budgetRequest.js';
import { costOf, priceOf, type ModelPrice } from './pricing.js';
import type { BudgetGrant, ProxySession } from './ProxySession.js';
import { UsageMeter } from './UsageMeter.js';

/** Largest request body the proxy takes from a CLI (a long conversation with images). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Headers never passed on: hop-by-hop, the CLI's stand-in key, and compression (we read SSE). */
const DROP_REQUEST = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'x-api-key',
  'authorization',
  'accept-encoding',
  'keep-alive',
  'proxy-authorization',
]);
const DROP_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

export interface ModelProxyOptions {
  prices?: ReadonlyArray<readonly [RegExp, ModelPrice]>;
  log?: (line: string) => void;
}

/**
 * The only way a session's CLI reaches the model. The CLI holds a random per-session key; the
 * proxy maps it to its session, puts the real credential on the upstream request, streams the
 * answer back while counting tokens, records each request's usage before the CLI sees its end,
 * and fits every request into the remaining budget (refusing it, lowering `max_tokens`, or
 * cutting the stream when the exact input alone would cross it).
 *
 * Sandboxed CLIs reach it through a per-session Unix socket bound into their sandbox (no other
 * sandbox can see it); unsandboxed ones through one loopback port.
 */
export class ModelProxy {
  private readonly sessions = new Map<string, ProxySession>();
  private readonly sockets = new Map<string, Server>();
  private tcp: Server | undefined;
  private port = 0;

  constructor(private readonly options: ModelProxyOptions = {}) {}

  /** `http://127.0.0.1:<port>`: the loopback listener (for CLIs without a sandbox). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res, undefined));
    await listen(server, { host: '127.0.0.1', port: 0 });
    this.port = (server.address() as AddressInfo).port;
    this.tcp = server;
  }

  /**
   * Makes the session's key valid. With `socketDir`, also listens on `<socketDir>/model.sock`,
   * which answers this session's key only. Returns the function that ends both.
   */
  async register(session: ProxySession, socketDir?: string): Promise<() => Promise<void>> {
    this.sessions.set(session.key, session);
    let socketServer: Server | undefined;
    if (socketDir) {
      const path = join(socketDir, 'model.sock');
      rmSync(path, { force: true });
      socketServer = createServer((req, res) => void this.handle(req, res, session));
      await listen(socketServer, { path });
      this.sockets.set(session.key, socketServer);
    }
    return async () => {
      this.sessions.delete(session.key);
      if (socketServer) {
        this.sockets.delete(session.key);
        await close(socketServer);
      }
    };
  }

  async close(): Promise<void> {
    const servers = [...this.sockets.values(), ...(this.tcp ? [this.tcp] : [])];
    this.sockets.clear();
    this.sessions.clear();
    await Promise.all(servers.map(close));
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
    boundTo: ProxySession | undefined,
  ): Promise<void> {
    try {
      const session = this.authenticate(req, boundTo);
      if (!session) {
        sendApiError(res, 401, 'authentication_error', 'Unknown or missing session key.');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://proxy');
      if (!isForwarded(req.method ?? 'GET', url.pathname)) {
        sendApiError(
          res,
          404,
          'not_found_error',
          `No route for ${url.pathname} through the platform's model proxy.`,
        );
        return;
      }
      const raw = await readBody(req);
      if (raw === undefined) {
        sendApiError(
          res,
          413,
          'request_too_large',
          `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
        );
        return;
      }
      // A budget hold (cluster mode) lasts until the request's usage is recorded, or it failed.
      const held: { grant?: BudgetGrant } = {};
      try {
        await this.forward(req, res, session, url, raw, held);
      } finally {
        await held.grant?.release().catch(() => undefined);
      }
    } catch (error) {
      this.options.log?.(`[model-proxy] ${(error as Error).message}`);
      sendApiError(res, 502, 'api_error', 'The model proxy could not reach the model API.');
    }
  }

  private authenticate(
    req: IncomingMessage,
    boundTo: ProxySession | undefined,
  ): ProxySession | undefined {
    const bearer = /^Bearer (.+)$/i.exec(req.headers['authorization'] ?? '')?.[1];
    const key = (req.headers['x-api-key'] as string | undefined) ?? bearer;
    if (!key) return undefined;
    const session = this.sessions.get(key);
    if (!session) return undefined;
    // A socket belongs to one sandbox: another session's key is not accepted there.
    if (boundTo && !sameSecret(boundTo.key, key)) return undefined;
    return session;
  }

  private async forward(
    req: IncomingMessage,
    res: ServerResponse,
    session: ProxySession,
    url: URL,
    raw: Buffer,
    held: { grant?: BudgetGrant },
  ): Promise<void> {
    const metered = req.method === 'POST' && url.pathname === '/v1/messages';
    let body: Buffer = raw;
    let price: ModelPrice | undefined;
    let maxOutputTokens = Infinity;
    let remaining = Infinity;
    let model = 'unknown';
    if (metered) {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        sendApiError(res, 400, 'invalid_request_error', 'The request body is not JSON.');
        return;
      }
      model = typeof parsed['model'] === 'string' ? parsed['model'] : 'unknown';
      price = priceOf(model, this.options.prices);
      const costAtMost = (left: number): number => {
        const f = budgetRequest(parsed, raw.length, price!, left);
        return f.ok ? f.estimatedInputUsd + (f.maxOutputTokens * price!.output) / 1_000_000 : 0;
      };
      if (session.reserve) {
        held.grant = await session.reserve(costAtMost);
        remaining = held.grant.remainingUsd;
      } else remaining = await session.remainingUsd();
      const fitted = budgetRequest(parsed, raw.length, price, remaining);
      if (!fitted.ok) {
        session.budgetExceeded(fitted.message);
        sendApiError(res, 400, 'invalid_request_error', fitted.message);
        return;
      }
      maxOutputTokens = fitted.maxOutputTokens;
      body = Buffer.from(JSON.stringify(fitted.body));
    }

    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const upstream = await fetch(new URL(url.pathname + url.search, session.upstream.baseUrl), {
      method: req.method ?? 'GET',
      headers: upstreamHeaders(req, session),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      signal: abort.signal,
    });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (!DROP_RESPONSE.has(key)) headers[key] = value;
    });
    res.writeHead(upstream.status, headers);
    if (!metered || !price || !upstream.body) {
      if (upstream.body) for await (const chunk of upstream.body) await write(res, chunk);
      res.end();
      return;
    }

    const meter = new UsageMeter();
    const sse = (upstream.headers.get('content-type') ?? '').includes('text/event-stream');
    const decoder = new TextDecoder();
    const json: Uint8Array[] = [];
    let cutMessage: string | undefined;
    let failure: unknown;
    try {
      for await (const chunk of upstream.body) {
        if (!sse) {
          json.push(chunk);
          continue;
        }
        meter.feedSse(decoder.decode(chunk, { stream: true }));
        const spent = costOf(price, estimate(meter, maxOutputTokens));
        if (spent > remaining) {
          cutMessage = `Budget exceeded: this answer would cost more than the $${remaining.toFixed(4)} left; it was stopped.`;
          abort.abort();
          break;
        }
        await write(res, chunk);
      }
    } catch (error) {
      // The CLI hung up (interrupt, shutdown) or the upstream failed mid-answer: what was
      // generated until then is still billed, so it is still recorded. (Our own abort of a cut
      // stream lands here too; that one is not a failure.)
      if (cutMessage === undefined) failure = error;
    }
    if (!sse) meter.readJson(Buffer.concat(json).toString('utf8'));
    if (meter.started) {
      const usage = estimate(meter, maxOutputTokens);
      await session.record({
        ...usage,
        model: meter.model ?? model,
        requestId: meter.messageId ?? `req_${randomUUID()}`,
        costUsd: costOf(price, usage),
        cut: cutMessage !== undefined,
      });
    }
    if (failure !== undefined) {
      res.destroy();
      return;
    }
    if (cutMessage) {
      session.budgetExceeded(cutMessage);
      res.end(sseError('invalid_request_error', cutMessage));
      return;
    }
    if (!sse) await write(res, Buffer.concat(json));
    res.end();
  }
}

/**
 * The routes a CLI needs, and no more: every other endpoint the real key could open (batches,
 * files, the legacy completions API) would spend or store on the platform's account unmetered.
 */
const FORWARDED: ReadonlyArray<readonly [string, string]> = [
  ['POST', '/v1/messages'],
  ['POST', '/v1/messages/count_tokens'],
  ['GET', '/api/hello'],
  ['HEAD', '/api/hello'],
];

function isForwarded(method: string, pathname: string): boolean {
  return FORWARDED.some(([m, p]) => m === method && p === pathname);
}

/**
 * The usage to bill: the API's own numbers, with output clamped to the `max_tokens` sent (the
 * API cannot bill past it), or, for a stream cut before its final count, an estimate from the
 * characters generated so far.
 */
function estimate(meter: UsageMeter, maxOutputTokens: number) {
  const output = meter.finished
    ? meter.usage.outputTokens
    : Math.max(meter.usage.outputTokens, Math.ceil(meter.generatedChars / 3));
  return { ...meter.usage, outputTokens: Math.min(output, maxOutputTokens) };
}

function upstreamHeaders(req: IncomingMessage, session: ProxySession): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (DROP_REQUEST.has(key) || value === undefined) continue;
    headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['accept-encoding'] = 'identity';
  if (session.upstream.apiKey) headers['x-api-key'] = session.upstream.apiKey;
  if (session.upstream.authToken) headers['authorization'] = `Bearer ${session.upstream.authToken}`;
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function listen(server: Server, address: { host: string; port: number } | { path: string }) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
