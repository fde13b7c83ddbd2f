import { AbortError } from '../errors/AbortError.js';
import { ControlError } from '../errors/ControlError.js';
import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import type { InboundControlRequest } from '../messages/control.js';
import { WRITTEN } from '../transport/written.js';
import { InFlightList, type InFlightEntry } from './InFlightList.js';
import { isThenable } from './isThenable.js';

export type InboundSubtype = InboundControlRequest['subtype'];

/** Answers one kind of control request the CLI sends, typed by its subtype. */
export type InboundHandler<S extends InboundSubtype = InboundSubtype> = (
  request: Extract<InboundControlRequest, { subtype: S }>,
  context: { signal: AbortSignal; requestId: string | undefined },
) => Promise<object | undefined> | object | undefined;

type AnyInboundHandler = (
  request: never,
  context: { signal: AbortSignal; requestId: string | undefined },
) => Promise<object | undefined> | object | undefined;

export interface OutboundRequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Pending {
  subtype: string;
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
  cleanup(): void;
}

/**
 * One inbound request in flight, and the context its handler gets. The AbortController is created
 * only if a handler reads `signal` (creating one costs microseconds, and most tool calls finish
 * without it). A class rather than an object literal with a getter: a literal's accessor costs a
 * runtime call and an allocation on every request.
 */
class InboundEntry implements InFlightEntry {
  cancelled = false;
  slot = -1;
  private controller: AbortController | undefined;
  private reason: unknown;

  constructor(readonly requestId: string | undefined) {}

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.cancelled && !this.controller.signal.aborted) this.controller.abort(this.reason);
    return this.controller.signal;
  }

  cancel(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}

let routerSeq = 0;

// A failed answer write surfaces through the transport's exit; nothing else to do with it.
const ignore = (): void => {};

/**
 * The control half of the protocol, routed before any consumer queue so a slow consumer never
 * stalls a permission check or tool call. Outbound requests get ids, timeouts and abort; inbound
 * requests run concurrently, each with an AbortSignal that `control_cancel_request` aborts.
 */
export class ControlRouter {
  private readonly pending = new Map<string, Pending>();
  private readonly inbound = new InFlightList<InboundEntry>();
  private readonly handlers = new Map<string, AnyInboundHandler>();
  private readonly prefix = `req_${(++routerSeq).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  private seq = 0;
  private failure: Error | undefined;

  constructor(
    private readonly write: (message: unknown) => Promise<void>,
    private readonly defaultTimeoutMs: number,
    private readonly onHandlerError: (subtype: string, error: unknown) => void = () => {},
  ) {}

  /** Register the answer to one inbound subtype. */
  on<S extends InboundSubtype>(subtype: S, handler: InboundHandler<S>): void {
    this.handlers.set(subtype, handler as AnyInboundHandler);
  }

  /** Consume a control message. Returns false for anything else (it belongs to the consumer). */
  route(message: Record<string, unknown>): boolean {
    switch (message.type) {
      case 'control_response':
        this.onResponse(message.response as Record<string, unknown> | undefined);
        return true;
      case 'control_request':
        this.onRequest(message);
        return true;
      case 'control_cancel_request':
        this.onCancel(message.request_id);
        return true;
      default:
        return false;
    }
  }

  /** Send a control request and wait for its answer (`response.response`, `{}` when absent). */
  request(
    subtype: string,
    fields: Record<string, unknown> = {},
    options: OutboundRequestOptions = {},
  ): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const requestId = `${this.prefix}_${++this.seq}`;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      const onAbort = (): void => {
        this.pending.delete(requestId);
        entry.cleanup();
        reject(
          new AbortError(`The "${subtype}" control request was aborted.`, {
            cause: signal?.reason,
          }),
        );
      };
      const timer =
        timeoutMs > 0 && Number.isFinite(timeoutMs)
          ? setTimeout(() => {
              this.pending.delete(requestId);
              entry.cleanup();
              reject(new ControlTimeoutError(subtype, timeoutMs));
            }, timeoutMs)
          : undefined;
      const entry: Pending = {
        subtype,
        resolve,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(requestId, entry);
      this.write({
        type: 'control_request',
        request_id: requestId,
        request: { subtype, ...fields },
      }).catch((error: unknown) => {
        if (!this.pending.delete(requestId)) return;
        entry.cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Reject every pending request and abort every inbound handler (the process ended). */
  fail(error: Error): void {
    this.failure ??= error;
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      entry.cleanup();
      entry.reject(error);
    }
    for (const entry of this.inbound.clear()) entry.cancel(error);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get inboundCount(): number {
    return this.inbound.size;
  }

  private onResponse(response: Record<string, unknown> | undefined): void {
    const id = response?.request_id;
    if (typeof id !== 'string') return; // answers to id-less requests: nothing waits for them
    const entry = this.pending.get(id);
    if (!entry) return; // unknown or already timed out: the CLI does the same (ignores)
    this.pending.delete(id);
    entry.cleanup();
    if (response?.subtype === 'error') {
      const code = typeof response.error_code === 'string' ? response.error_code : undefined;
      entry.reject(
        new ControlError(entry.subtype, String(response.error ?? 'unknown error'), code),
      );
    } else {
      const payload = response?.response;
      entry.resolve(
        typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
      );
    }
  }

  private onRequest(message: Record<string, unknown>): void {
    const requestId = typeof message.request_id === 'string' ? message.request_id : undefined;
    const request = (message.request ?? {}) as Record<string, unknown>;
    const subtype = String(request.subtype ?? '');
    const handler = this.handlers.get(subtype);
    const entry = new InboundEntry(requestId);
    if (requestId !== undefined) this.inbound.add(entry);
    let result: Promise<object | undefined> | object | undefined;
    try {
      if (!handler) throw new Error(`Unsupported control request subtype: ${subtype}`);
      // The CLI's request, trusted to match its subtype (handlers still check what they read).
      result = handler(request as never, entry);
    } catch (error) {
      this.reply(entry, subtype, handler !== undefined, error, true);
      return;
    }
    // A handler that answers at once is answered in this tick; a promise settles once.
    if (isThenable(result)) {
      Promise.resolve(result).then(
        (value) => this.reply(entry, subtype, true, value, false),
        (error: unknown) => this.reply(entry, subtype, true, error, true),
      );
    } else {
      this.reply(entry, subtype, true, result, false);
    }
  }

  /** Write the answer (or the error) to one inbound request, unless nobody waits for it. */
  private reply(
    entry: InboundEntry,
    subtype: string,
    handled: boolean,
    value: unknown,
    failed: boolean,
  ): void {
    const { requestId } = entry;
    let reply: Record<string, unknown>;
    if (failed) {
      if (handled) this.onHandlerError(subtype, value);
      reply = { subtype: 'error', request_id: requestId, error: errorMessage(value) };
    } else {
      reply =
        value !== undefined
          ? { subtype: 'success', request_id: requestId, response: value }
          : { subtype: 'success', request_id: requestId };
    }
    this.inbound.remove(entry);
    // Cancelled by the CLI, or the session ended: the CLI no longer waits, so we stay silent.
    if (entry.cancelled || this.failure) return;
    try {
      const written = this.write({ type: 'control_response', response: reply });
      if (written !== WRITTEN) written.catch(ignore);
    } catch (error) {
      // The answer could not be serialised (a BigInt, a cycle): the CLI still gets one.
      if (failed) return;
      this.onHandlerError(subtype, error);
      const why = { subtype: 'error', request_id: requestId, error: errorMessage(error) };
      this.write({ type: 'control_response', response: why }).catch(ignore);
    }
  }

  private onCancel(requestId: unknown): void {
    if (typeof requestId !== 'string') return;
    for (const entry of this.inbound.filter((e) => e.requestId === requestId)) {
      this.inbound.remove(entry);
      entry.cancel(new AbortError('The CLI cancelled this request.'));
    }
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
