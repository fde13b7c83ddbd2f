import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/spec.types.js';
import { PEEK_ABORTED, type HandlerCallOptions } from '../context/createHandlerContext.js';
import type { McpClientChannel } from '../context/HandlerContext.js';
import { serverErrorHook } from '../toolError/serverErrorHook.js';
import type { ToolErrorHook } from '../toolError/ToolErrorHook.js';
import type { ToolCallOptions, ToolProgress } from '../ToolDefinition.js';
import { logLevelAllows, passThrough, unknownTool } from './createMcpServer.js';
import type {
  FastToolCall,
  InProcessRequestContext,
  InProcessTransport,
} from './InProcessTransport.js';
import type { ServerRegistry } from './ServerRegistry.js';

type Answer = { result: unknown } | undefined;

/**
 * `tools/call` for the in-process route without the MCP SDK's per-request work (schema parsing
 * of the request, an AbortController, handler lookup by method): the same runner, the same
 * results and errors.
 */
export function createFastToolCall(
  registry: ServerRegistry,
  server: Server,
  transport: InProcessTransport,
): FastToolCall {
  return (params, context, cancellation) => {
    const name = params?.['name'];
    if (typeof name !== 'string') {
      return Promise.resolve({
        error: {
          code: ErrorCode.InvalidParams,
          message: 'Invalid params: "name" must be a string.',
        },
      });
    }
    const definition = registry.tools.get(name);
    if (!definition) {
      const error = unknownTool(registry, name);
      return Promise.resolve({ error: { code: error.code, message: error.message } });
    }
    const rawMeta = params?.['_meta'];
    const meta =
      typeof rawMeta === 'object' && rawMeta !== null ? (rawMeta as Record<string, unknown>) : {};
    return new Promise<Answer>((settle) => {
      const call = new FastCall(name, meta, context, server, transport, settle);
      call.onError = serverErrorHook(registry);
      cancellation.onCancel = (reason) => call.cancel(reason);
      void definition.call(params?.['arguments'], call).then((result) => settle({ result }));
    });
  };
}

/**
 * The options of one fast call, as a class so the hot path builds one small object: the signal,
 * the client channel and the progress/log senders are made only when the handler uses them.
 */
class FastCall implements ToolCallOptions {
  readonly meta: Readonly<Record<string, unknown>>;
  onError: ToolErrorHook | undefined;
  readonly #name: string;
  readonly #context: InProcessRequestContext;
  readonly #server: Server;
  readonly #transport: InProcessTransport;
  // Cancelled calls get no response, at once, like any cancelled MCP request.
  readonly #settle: (answer: Answer) => void;
  #controller: AbortController | undefined;

  constructor(
    name: string,
    meta: Readonly<Record<string, unknown>>,
    context: InProcessRequestContext,
    server: Server,
    transport: InProcessTransport,
    settle: (answer: Answer) => void,
  ) {
    this.#name = name;
    this.meta = meta;
    this.#context = context;
    this.#server = server;
    this.#transport = transport;
    this.#settle = settle;
  }

  cancel(reason: string | undefined): void {
    this.#controller ??= new AbortController();
    if (!this.#controller.signal.aborted)
      this.#controller.abort(reason ?? 'Cancelled by the client');
    this.#settle(undefined);
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
