import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { PEEK_ABORTED, type HandlerCallOptions } from '../context/createHandlerContext.js';
import { logLevelAllows, passThrough, unknownTool } from './createMcpServer.js';
import type { FastToolCall, InProcessTransport } from './InProcessTransport.js';
import type { ServerRegistry } from './ServerRegistry.js';

/**
 * `tools/call` for the in-process route without the MCP SDK's per-request work (schema parsing
 * of the request, an AbortController, handler lookup by method): the same runner, the same
 * results and errors. The handler's signal is made only when the handler reads it.
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

    // Cancelled calls get no response, at once, like any cancelled MCP request.
    let settle!: (answer: { result: unknown } | undefined) => void;
    const answered = new Promise<{ result: unknown } | undefined>((resolve) => (settle = resolve));
    let controller: AbortController | undefined;
    const cancel = (reason: string | undefined): void => {
      controller ??= new AbortController();
      if (!controller.signal.aborted) controller.abort(reason ?? 'Cancelled by the client');
      settle(undefined);
    };
    const signal = (): AbortSignal => {
      if (!controller) {
        controller = new AbortController();
        const outer = context.signal;
        if (outer.aborted) cancel(reasonText(outer.reason));
        else
          outer.addEventListener('abort', () => cancel(reasonText(outer.reason)), { once: true });
      }
      return controller.signal;
    };
    cancellation.onCancel = cancel;

    const send = context.sendNotification;
    const progressToken = (meta as { progressToken?: unknown }).progressToken;
    const options: HandlerCallOptions & { [PEEK_ABORTED]: () => boolean } = {
      get signal() {
        return signal();
      },
      [PEEK_ABORTED]: () => controller?.signal.aborted === true,
      meta,
      client: {
        get capabilities() {
          return server.getClientCapabilities();
        },
        request: (method, requestParams, requestSignal) =>
          transport.withChannel(send, (relatedRequestId) =>
            server.request({ method, params: requestParams } as ServerRequest, passThrough, {
              signal: requestSignal,
              relatedRequestId,
            }),
          ),
      },
      ...(send && {
        onLog: (level, data) => {
          if (!logLevelAllows(server, level)) return;
          return send({
            jsonrpc: '2.0',
            method: 'notifications/message',
            params: { level, logger: name, data },
          });
        },
      }),
      ...(send &&
        (typeof progressToken === 'string' || typeof progressToken === 'number') && {
          onProgress: ({ progress, total, message }) =>
            send({
              jsonrpc: '2.0',
              method: 'notifications/progress',
              params: {
                progressToken,
                progress,
                ...(total !== undefined && { total }),
                ...(message !== undefined && { message }),
              },
            }),
        }),
    };
    definition.call(params?.['arguments'], options).then((result) => settle({ result }));
    return answered;
  };
}

function reasonText(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}
