import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/spec.types.js';
import { PEEK_ABORTED, type HandlerCallOptions } from '../context/createHandlerContext.js';
import type { McpClientChannel } from '../context/HandlerContext.js';
import { serverErrorHook } from '../toolError/serverErrorHook.js';
import type { ToolErrorHook } from '../toolError/ToolErrorHook.js';
import type { CallToolResult, ToolCallOptions, ToolProgress } from '../ToolDefinition.js';
import { logLevelAllows, passThrough, unknownTool } from './createMcpServer.js';
import type { JSONRPCMessage } from '@agentsdk/core';
import { runnerOf, type ToolRunResult } from '../runTool.js';
import type {
  FastCallEntry,
  FastCallsInFlight,
  FastToolCall,
  InProcessRequestContext,
  InProcessTransport,
} from './InProcessTransport.js';
import type { ServerRegistry } from './ServerRegistry.js';

type Response = JSONRPCMessage | undefined;

/**
 * `tools/call` for the in-process route without the MCP SDK's per-request work (schema parsing
 * of the request, an AbortController, handler lookup by method): the same runner, the same
 * results and errors. A handler that answers synchronously is answered without any promise
 * hop; an asynchronous one is tracked so `notifications/cancelled` can end it.
 */
export function createFastToolCall(
  registry: ServerRegistry,
  server: Server,
  transport: InProcessTransport,
): FastToolCall {
  return (id, params, context, inFlight) => {
    const name = params?.['name'];
    if (params === undefined || typeof name !== 'string') {
      return Promise.resolve(
        rpcError(id, ErrorCode.InvalidParams, 'Invalid params: "name" must be a string.'),
      );
    }
    const definition = registry.tools.get(name);
    // A definition from another copy of this package (a duplicated install) has its runner in
    // that copy's registry: its own call() runs it.
    const run =
      definition &&
      (runnerOf(definition) ??
        ((args: unknown, options: ToolCallOptions) => definition.call(args, options)));
    if (!run) {
      const error = unknownTool(registry, name);
      return Promise.resolve(rpcError(id, error.code, error.message));
    }
    const rawMeta = params['_meta'];
    const meta =
      typeof rawMeta === 'object' && rawMeta !== null ? (rawMeta as Record<string, unknown>) : {};
    const call = new FastCall(id, name, meta, context, registry, server, transport, inFlight);
    let answer: ToolRunResult;
    try {
      answer = run(params['arguments'], call);
    } catch (error) {
      return Promise.resolve(internalError(id, error));
    }
    if (!(answer instanceof Promise)) {
      // Cancelled while it ran (the session's signal was already aborted): no response.
      return Promise.resolve(call.settled ? undefined : { jsonrpc: '2.0', id, result: answer });
    }
    return call.wait(answer);
  };
}

function rpcError(id: string | number, code: number, message: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

function internalError(id: string | number, error: unknown): JSONRPCMessage {
  const message = error instanceof Error ? error.message : String(error);
  return rpcError(id, ErrorCode.InternalError, message);
}

/**
 * The options of one fast call, as a class so the hot path builds one small object: the signal,
 * the client channel and the progress/log senders are made only when the handler uses them.
 */
class FastCall implements ToolCallOptions, FastCallEntry {
  readonly meta: Readonly<Record<string, unknown>>;
  slot = -1;
  readonly requestId: string | number;
  readonly #name: string;
  readonly #context: InProcessRequestContext;
  readonly #registry: ServerRegistry;
  readonly #server: Server;
  readonly #transport: InProcessTransport;
  readonly #inFlight: FastCallsInFlight;
  #settle: ((response: Response) => void) | undefined;
  #settled = false;
  #controller: AbortController | undefined;

  constructor(
    requestId: string | number,
    name: string,
    meta: Readonly<Record<string, unknown>>,
    context: InProcessRequestContext,
    registry: ServerRegistry,
    server: Server,
    transport: InProcessTransport,
    inFlight: FastCallsInFlight,
  ) {
    this.requestId = requestId;
    this.#name = name;
    this.meta = meta;
    this.#context = context;
    this.#registry = registry;
    this.#server = server;
    this.#transport = transport;
    this.#inFlight = inFlight;
  }

  /** Wait for an asynchronous handler; cancellation answers at once with no response. */
  wait(answer: Promise<CallToolResult>): Promise<Response> {
    if (this.#settled) return Promise.resolve(undefined);
    this.#inFlight.add(this);
    return new Promise<Response>((settle) => {
      this.#settle = settle;
      answer.then(
        (result) => this.#finish({ jsonrpc: '2.0', id: this.requestId, result }),
        (error: unknown) => this.#finish(internalError(this.requestId, error)),
      );
    });
  }

  /** The server's error hook, looked up only when a handler fails. */
  get onError(): ToolErrorHook | undefined {
    return serverErrorHook(this.#registry);
  }

  get settled(): boolean {
    return this.#settled;
  }

  #finish(response: Response): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#inFlight.remove(this);
    this.#settle?.(response);
  }

  // Cancelled calls get no response, at once, like any cancelled MCP request.
  cancel(reason: string | undefined): void {
    this.#controller ??= new AbortController();
    if (!this.#controller.signal.aborted)
      this.#controller.abort(reason ?? 'Cancelled by the client');
    this.#finish(undefined);
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      const outer = this.#context.signal;
      if (outer.aborted) this.cancel(reasonText(outer.reason));
      else
        outer.addEventListener('abort', () => this.cancel(reasonText(outer.reason)), {
          once: true,
        });
    }
    return this.#controller.signal;
  }

  [PEEK_ABORTED](): boolean {
    return this.#controller?.signal.aborted === true;
  }

  get client(): McpClientChannel {
    const server = this.#server;
    const transport = this.#transport;
    const send = this.#context.sendNotification;
    return {
      get capabilities() {
        return server.getClientCapabilities();
      },
      request: (method, params, signal) =>
        transport.withChannel(send, (relatedRequestId) =>
          server.request({ method, params } as ServerRequest, passThrough, {
            signal,
            relatedRequestId,
          }),
        ),
    };
  }

  get onLog(): HandlerCallOptions['onLog'] {
    const send = this.#context.sendNotification;
    if (!send) return undefined;
    const server = this.#server;
    const logger = this.#name;
    return (level: LoggingLevel, data: unknown) => {
      if (!logLevelAllows(server, level)) return;
      return send({
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level, logger, data },
      });
    };
  }

  get onProgress(): HandlerCallOptions['onProgress'] {
    const send = this.#context.sendNotification;
    const progressToken = (this.meta as { progressToken?: unknown }).progressToken;
    if (!send || (typeof progressToken !== 'string' && typeof progressToken !== 'number')) {
      return undefined;
    }
    return ({ progress, total, message }: ToolProgress) =>
      send({
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: {
          progressToken,
          progress,
          ...(total !== undefined && { total }),
          ...(message !== undefined && { message }),
        },
      });
  }
}

function reasonText(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}
