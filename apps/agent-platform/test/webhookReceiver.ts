import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; created_at: string; data: Record<string, unknown> };
  /** The status this receiver answered with. */
  status: number;
}

/**
 * A real HTTP endpoint on 127.0.0.1 that records every delivery. `answer` picks the status of
 * each one (200 unless it says otherwise), so tests can make deliveries fail and be retried;
 * `'hold'` never answers (recorded with status 0): the sender is still waiting, e.g. when it dies.
 */
export async function startWebhookReceiver(
  answer: (delivery: Omit<ReceivedWebhook, 'status'>, index: number) => number | 'hold' = () => 200,
) {
  const received: ReceivedWebhook[] = [];
  const waiters: Array<{ test: (r: ReceivedWebhook[]) => boolean; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const delivery = {
        headers: req.headers,
        raw,
        body: JSON.parse(raw) as ReceivedWebhook['body'],
      };
      const status = answer(delivery, received.length);
      received.push({ ...delivery, status: status === 'hold' ? 0 : status });
      if (status !== 'hold') res.writeHead(status).end();
      for (const w of [...waiters]) {
        if (w.test(received)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Resolves once the deliveries so far satisfy `test` (event-driven, no polling). */
    until(test: (r: ReceivedWebhook[]) => boolean, timeoutMs = 30_000): Promise<void> {
      if (test(received)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `timed out waiting for webhooks; got ${received.map((r) => r.body.type).join(', ')}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
