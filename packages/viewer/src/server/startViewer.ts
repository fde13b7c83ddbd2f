import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViewData } from '../model/Timeline.js';
import { renderHtml } from '../render/renderHtml.js';

export interface ViewerServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Push new data to open pages (live mode) and to later page loads. */
  update(data: ViewData): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface StartViewerOptions {
  /** Default 0: a free port. */
  port?: number;
}

/**
 * Serve the page on 127.0.0.1: `GET /` is the page with `data` inline, `GET /events` a
 * server-sent event stream that sends the data again on every `update()` (live mode).
 */
export async function startViewer(
  data: ViewData,
  options: StartViewerOptions = {},
): Promise<ViewerServer> {
  let current = data;
  let html: string | undefined;
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/') {
      html ??= renderHtml(current);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(html);
    } else if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': agentsdk view\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const res of streams) res.end();
      streams.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    update(next) {
      current = next;
      html = undefined;
      const event = `event: timeline\ndata: ${JSON.stringify(next)}\n\n`;
      for (const res of streams) res.write(event);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
