import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { runCompleter } from '../completion/Completer.js';
import type { HandlerCallOptions } from '../context/createHandlerContext.js';
import { McpRequestError } from '../errors/McpRequestError.js';
import { serverErrorHook } from '../toolError/serverErrorHook.js';
import type { LoggingLevel } from '../ToolDefinition.js';
import type { ServerRegistry } from './ServerRegistry.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const minLevels = new WeakMap<Server, number>();

/** Whether `logging/setLevel` on this connection lets `level` through. */
export function logLevelAllows(server: Server, level: LoggingLevel): boolean {
  return LEVELS.indexOf(level) >= (minLevels.get(server) ?? 0);
}

const LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];

/**
 * One MCP `Server` (from `@modelcontextprotocol/sdk`) serving a registry over any transport:
 * initialize, ping and cancellation come from the SDK; every list answers from the registry; calls
 * run the shared runners with a handler context wired to this connection (progress, logging,
 * sampling, elicitation, roots, the request's signal).
 */
export function createMcpServer(registry: ServerRegistry): Server {
  const { info, instructions, configureServer } = registry.description;
  const server = new Server(info, {
    capabilities: {
      tools: { listChanged: true },
      ...(registry.servesResources && { resources: { subscribe: true, listChanged: true } }),
      ...(registry.servesPrompts && { prompts: { listChanged: true } }),
      ...((registry.servesResources || registry.servesPrompts) && { completions: {} }),
      logging: {},
    },
    ...(instructions !== undefined && { instructions }),
  });
  const subscribed = new Set<string>();

  const optionsFor = (extra: Extra, logger: string): HandlerCallOptions => {
    const meta = extra._meta ?? {};
    const progressToken = meta.progressToken;
    const options: HandlerCallOptions = {
      signal: extra.signal,
      meta,
      ...(extra.authInfo !== undefined && { authInfo: extra.authInfo }),
      ...(extra.closeSSEStream !== undefined && { closeStream: extra.closeSSEStream }),
      onLog: (level, data) => {
        if (!logLevelAllows(server, level)) return;
        return extra.sendNotification({
          method: 'notifications/message',
          params: { level, logger, data },
        });
      },
      client: {
        get capabilities() {
          return server.getClientCapabilities();
        },
        request: (method, params, signal) =>
          extra.sendRequest({ method, params } as ServerRequest, passThrough, { signal }),
      },
    };
    if (progressToken !== undefined) {
      options.onProgress = ({ progress, total, message }) =>
        extra.sendNotification({
          method: 'notifications/progress',
          params: {
            progressToken,
            progress,
            ...(total !== undefined && { total }),
            ...(message !== undefined && { message }),
          },
        });
    }
    return options;
  };

  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    const index = LEVELS.indexOf(request.params.level);
    minLevels.set(server, index < 0 ? 0 : index);
    return {};
  });

  server.setRequestHandler(ListToolsRequestSchema, () => registry.toolList);

  server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const { name, arguments: args } = request.params;
    const definition = registry.tools.get(name);
    if (!definition) throw unknownTool(registry, name);
    return definition.call(args, {
      ...optionsFor(extra, name),
      onError: serverErrorHook(registry),
    });
  });

  if (registry.servesResources) {
    server.setRequestHandler(ListResourcesRequestSchema, async (_request, extra) => {
      const listed = await Promise.all(
        [...registry.templates.values()].map((t) => t.list(optionsFor(extra, t.name))),
      );
      return { resources: [...registry.staticResources, ...listed.flat()] };
    });

    server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
      resourceTemplates: [...registry.templates.values()].map((t) => t.listEntry),
    }));

    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const { uri } = request.params;
      const found = registry.findResource(uri);
      if (!found) {
        throw rpcError(
          -32002,
          `Resource not found: ${uri}. Server "${registry.name}" serves ${describeResources(registry)}.`,
        );
      }
      return rpc(() =>
        found.kind === 'resource'
          ? found.read(optionsFor(extra, found.name))
          : found.read(uri, optionsFor(extra, found.name)),
      );
    });

    server.setRequestHandler(SubscribeRequestSchema, (request) => {
      const { uri } = request.params;
      if (!registry.findResource(uri)) {
        throw rpcError(-32002, `Cannot subscribe to ${uri}: no resource serves that URI.`);
      }
      subscribed.add(uri);
      return {};
    });

    server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
      subscribed.delete(request.params.uri);
      return {};
    });
  }

  if (registry.servesPrompts) {
    server.setRequestHandler(ListPromptsRequestSchema, () => ({
      prompts: [...registry.prompts.values()].map((p) => p.listEntry),
    }));

    server.setRequestHandler(GetPromptRequestSchema, (request, extra) => {
      const { name, arguments: args } = request.params;
      const definition = registry.prompts.get(name);
      if (!definition) {
        throw rpcError(
          ErrorCode.InvalidParams,
          `Unknown prompt "${name}". Server "${registry.name}" has: ${[...registry.prompts.keys()].join(', ') || '(no prompts)'}.`,
        );
      }
      return rpc(() => definition.get(args, optionsFor(extra, name)));
    });
  }

  if (registry.servesResources || registry.servesPrompts) {
    server.setRequestHandler(CompleteRequestSchema, (request, extra) => {
      const { ref, argument, context } = request.params;
      let completer;
      if (ref.type === 'ref/prompt') {
        const definition = registry.prompts.get(ref.name);
        if (!definition) throw rpcError(ErrorCode.InvalidParams, `Unknown prompt "${ref.name}".`);
        completer = definition.completers[argument.name];
      } else {
        const template = [...registry.templates.values()].find((t) => t.uriTemplate === ref.uri);
        if (!template && !registry.resources.has(ref.uri)) {
          throw rpcError(ErrorCode.InvalidParams, `No resource template ${ref.uri}.`);
        }
        completer = template?.completers[argument.name];
      }
      return rpc(() =>
        runCompleter(completer, argument.value, {
          arguments: context?.arguments ?? {},
          signal: extra.signal,
        }),
      );
    });
  }

  registry.connections.set(server, subscribed);
  const onclose = server.onclose;
  server.onclose = () => {
    registry.connections.delete(server);
    onclose?.();
  };
  configureServer?.(server);
  return server;
}

/** Results from the client are checked by the context, which names the problem better. */
export const passThrough = {
  safeParse: (value: unknown) => ({ success: true, data: value }),
} as never;

export function unknownTool(registry: ServerRegistry, name: string): Error & { code: number } {
  // A protocol error (JSON-RPC -32602), as MCP specifies for unknown tools.
  return rpcError(
    ErrorCode.InvalidParams,
    `Unknown tool "${name}". Server "${registry.name}" has: ${[...registry.tools.keys()].join(', ') || '(no tools)'}.`,
  );
}

/** Our typed request errors become JSON-RPC errors with their code and message. */
async function rpc<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (McpRequestError.is(error)) throw rpcError(error.rpcCode, error.message);
    throw error;
  }
}

/** A JSON-RPC error whose message is ours alone (McpError prefixes "MCP error <code>:"). */
function rpcError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

function describeResources(registry: ServerRegistry): string {
  const uris = [
    ...registry.resources.keys(),
    ...[...registry.templates.values()].map((t) => t.uriTemplate),
  ];
  return uris.length > 0 ? uris.join(', ') : '(no resources)';
}
