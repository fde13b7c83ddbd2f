import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { formatSseEvent, type StreamStep } from './sse.js';

/** What a response writer needs from the server while it writes. */
export interface ResponseControl {
  /** Aborted when the client goes away or the server closes. */
  readonly signal: AbortSignal;
  /** Holds the response at its stall point until released, the client goes away or the server closes. */
  hold(): Promise<void>;
}

/** Writes a whole JSON response (or just the headers for `HEAD`). */
export function sendJson(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * Streams SSE steps. Holds after step `stallAt` (when >= 0) and waits `delayMs` between events.
 * Stops quietly when the client goes away.
 */
export async function sendStream(
  res: ServerResponse,
  steps: readonly StreamStep[],
  headers: Record<string, string>,
  options: { stallAt: number; delayMs: number; control: ResponseControl },
): Promise<void> {
  const { control } = options;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined || control.signal.aborted) return;
    res.write(formatSseEvent(step.event));
    if (i === options.stallAt) {
      await control.hold();
    } else if (options.delayMs > 0 && i < steps.length - 1) {
      await delay(options.delayMs, undefined, { signal: control.signal }).catch(() => undefined);
    }
  }
  if (!control.signal.aborted) res.end();
}
