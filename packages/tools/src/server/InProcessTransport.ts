import type { JSONRPCMessage, SdkMcpRequestContext } from '@agentsdk/core';
import { InFlightList } from '@agentsdk/core/internal';
import type {
  Transport,
  TransportSendOptions,
} from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage as McpJSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * The context core passes to `handleMessage`, plus an optional channel for notifications the
 * server sends while a request runs (`notifications/progress`, `notifications/message`). Core
 * forwards them to the CLI when it provides `sendNotification`; without it they are dropped.
 */
export interface InProcessRequestContext extends SdkMcpRequestContext {
  sendNotification?: (notification: JSONRPCMessage) => void | Promise<void>;
}

interface PendingRequest {
  originalId: string | number;
  resolve: (response: JSONRPCMessage | undefined) => void;
  signal: AbortSignal;
  onAbort: () => void;
  sendNotification: InProcessRequestContext['sendNotification'];
}

const INVALID_REQUEST = -32600;
/** Sessions whose channel unsolicited notifications (list_changed) go to; older ones are dropped. */
const MAX_SESSION_CHANNELS = 32;

/** Answers `tools/call` without the MCP SDK's per-request machinery (the in-process hot path). */
export type FastToolCall = (
  id: string | number,
  params: Record<string, unknown> | undefined,
  context: InProcessRequestContext,
  inFlight: FastCallsInFlight,
) => Promise<JSONRPCMessage | undefined>;

/** A fast call that may still be cancelled by `notifications/cancelled`. */
export interface FastCallEntry {
  readonly requestId: string | number;
  /** Its index in the in-flight list (maintained by the list). */
  slot: number;
  cancel(reason: string | undefined): void;
}

/**
 * The fast calls waiting on an asynchronous handler, found by request id when the client cancels
 * one (core's allocation-free in-flight list; cancelling is rare, so it scans).
 */
export class FastCallsInFlight extends InFlightList<FastCallEntry> {
  cancel(requestId: unknown, reason: string | undefined): void {
    for (const call of this.filter((c) => c.requestId === requestId)) call.cancel(reason);
  }
}

/**
 * An MCP transport with no wire: `dispatch()` hands one JSON-RPC message to the connected
 * `Server` and resolves with that request's response. Request ids are replaced by ids unique to
 * this transport (and restored in the response), so one server instance can serve several CLI
 * sessions at once even though each counts its ids from 0.
 */
export class InProcessTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onclose?: () => void;
  onerror?: (error: Error) => void;

  // Not 0: the SDK's cancellation handler ignores a falsy requestId.
  #nextId = 1;
  readonly #pending = new Map<number, PendingRequest>();
  readonly #fastCalls = new FastCallsInFlight();
  /** Channels of fast calls that are waiting on a server-to-client request, by related id. */
  readonly #channels = new Map<number, NonNullable<InProcessRequestContext['sendNotification']>>();
  /** Notification channels of recent sessions, captured from their `initialize` requests. */
  readonly #sessions = new Set<NonNullable<InProcessRequestContext['sendNotification']>>();
  /** Set by the server once initialized: `tools/call` then skips the MCP SDK. */
  fastToolCall: FastToolCall | undefined;

  async start(): Promise<void> {}

  async close(): Promise<void> {
    for (const id of [...this.#pending.keys()]) this.#cancel(id, 'Server closed');
    this.onclose?.();
  }

  async send(message: McpJSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if ('id' in message && ('result' in message || 'error' in message)) {
      if (typeof message.id !== 'number') return;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#settle(message.id, pending);
      pending.resolve({ ...message, id: pending.originalId } as JSONRPCMessage);
      return;
    }
    const related = options?.relatedRequestId;
    if (typeof related === 'number') {
      // Progress, logging, and server-to-client requests (sampling, elicitation, roots) go to
      // the session of the request they belong to; the client's answer to a request comes
      // back through dispatch() as a response message.
      const send = this.#pending.get(related)?.sendNotification ?? this.#channels.get(related);
      if (send) {
        try {
          await send(message as JSONRPCMessage);
          return;
        } catch {
          // The session may be gone; a lost notification must not fail the call.
          if (!('id' in message)) return;
        }
      }
    }
    if ('method' in message && 'id' in message) {
      // A server-to-client request with no session to carry it: answer at once instead of
      // letting the handler wait for its timeout.
      queueMicrotask(() =>
        this.onmessage?.({
          jsonrpc: '2.0',
          id: message.id,
          error: {
            code: -32601,
            message: `No client session to carry the server-to-client request ${message.method}.`,
          },
        }),
      );
      return;
    }
    if (!('id' in message) && related === undefined) {
      // Unsolicited (list_changed, resources/updated): to every recent session.
      for (const send of this.#sessions) {
        try {
          await send(message as JSONRPCMessage);
        } catch {
          // A session that ended drops it.
        }
      }
    }
  }

  /**
   * Run `request` (a server-to-client request made with the MCP SDK) with `send` as the channel
   * its messages travel on: for calls that bypass the SDK (the fast `tools/call` path) and so have
   * no pending request of their own.
   */
  async withChannel<T>(
    send: NonNullable<InProcessRequestContext['sendNotification']> | undefined,
    request: (relatedRequestId: number) => Promise<T>,
  ): Promise<T> {
    const id = this.#nextId++;
    if (send) this.#channels.set(id, send);
    try {
      return await request(id);
    } finally {
      this.#channels.delete(id);
    }
  }

  /** Deliver one message from the client; resolves with the response (undefined for notifications and cancelled requests). */
  dispatch(
    message: JSONRPCMessage,
    context: InProcessRequestContext,
  ): Promise<JSONRPCMessage | undefined> {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return Promise.resolve(invalid(null, 'a JSON-RPC message must be an object'));
    }
    const { id, method, params } = message;
    const validId = typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id));
    if (message.jsonrpc !== '2.0') {
      return Promise.resolve(invalid(validId ? id : null, 'jsonrpc must be "2.0"'));
    }
    if (typeof method !== 'string') {
      if ('result' in message || 'error' in message) {
        // The client's answer to one of our server-to-client requests: the MCP SDK matches its id.
        if (validId) this.onmessage?.(message as McpJSONRPCMessage);
        return Promise.resolve(undefined);
      }
      return Promise.resolve(invalid(validId ? id : null, 'missing method'));
    }
    if (
      params !== undefined &&
      (typeof params !== 'object' || params === null || Array.isArray(params))
    ) {
      return Promise.resolve(
        id === undefined ? undefined : invalid(validId ? id : null, 'params must be an object'),
      );
    }

    if (id === undefined) {
      if (method === 'notifications/cancelled') {
        const requestId = (params as { requestId?: unknown } | undefined)?.requestId;
        const reason = (params as { reason?: unknown } | undefined)?.reason;
        for (const [internalId, pending] of this.#pending) {
          if (pending.originalId === requestId) {
            this.#cancel(internalId, typeof reason === 'string' ? reason : undefined);
          }
        }
        this.#fastCalls.cancel(requestId, typeof reason === 'string' ? reason : undefined);
      } else {
        this.onmessage?.(message as McpJSONRPCMessage);
      }
      return Promise.resolve(undefined);
    }
    if (!validId) return Promise.resolve(invalid(null, 'id must be a string or an integer'));
    if (method === 'tools/call' && this.fastToolCall) {
      return this.fastToolCall(
        id,
        params as Record<string, unknown> | undefined,
        context,
        this.#fastCalls,
      );
    }
    if (context.signal.aborted) return Promise.resolve(undefined);
    if (method === 'initialize' && context.sendNotification) {
      this.#sessions.add(context.sendNotification);
      if (this.#sessions.size > MAX_SESSION_CHANNELS) {
        this.#sessions.delete(this.#sessions.values().next().value!);
      }
    }

    const internalId = this.#nextId++;
    return new Promise((resolve) => {
      const signal = context.signal;
      const onAbort = () => this.#cancel(internalId, reasonText(signal.reason));
      this.#pending.set(internalId, {
        originalId: id,
        resolve,
        signal,
        onAbort,
        sendNotification: context.sendNotification,
      });
      signal.addEventListener('abort', onAbort, { once: true });
      this.onmessage?.({ ...message, id: internalId } as McpJSONRPCMessage);
    });
  }

  #settle(internalId: number, pending: PendingRequest): void {
    this.#pending.delete(internalId);
    pending.signal.removeEventListener('abort', pending.onAbort);
  }

  /** Abort the handler (the SDK's own cancellation path) and settle the request without a response. */
  #cancel(internalId: number, reason: string | undefined): void {
    const pending = this.#pending.get(internalId);
    if (!pending) return;
    this.#settle(internalId, pending);
    this.onmessage?.({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: internalId, ...(reason !== undefined && { reason }) },
    });
    pending.resolve(undefined);
  }
}

function invalid(id: string | number | null | undefined, why: string): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id: id ?? null,
    error: { code: INVALID_REQUEST, message: `Invalid JSON-RPC request: ${why}.` },
  };
}

function reasonText(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}
