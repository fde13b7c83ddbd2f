import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  SetLevelRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { LoggingLevel, ToolCallOptions } from '../ToolDefinition.js';
import type { ToolRegistry } from './ToolRegistry.js';

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
 * One MCP `Server` (from `@modelcontextprotocol/sdk`) serving a registry's tools over any
 * transport: initialize, ping and cancellation come from the SDK; tools/list answers from the
 * registry's cached list; tools/call runs the shared tool runner with the request's signal,
 * progress token and logging.
 */
export function createMcpServer(registry: ToolRegistry): Server {
  const server = new Server(
    { name: registry.name, version: registry.version },
    { capabilities: { tools: { listChanged: false }, logging: {} } },
  );

  let minLevel = 0;
  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    const index = LEVELS.indexOf(request.params.level);
    minLevel = index < 0 ? 0 : index;
    return {};
  });

  server.setRequestHandler(ListToolsRequestSchema, () => registry.listResult);

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args, _meta } = request.params;
    const definition = registry.tools.get(name);
    if (!definition) {
      // A protocol error (JSON-RPC -32602), as MCP specifies for unknown tools.
      throw Object.assign(
        new Error(
          `Unknown tool "${name}". Server "${registry.name}" has: ${[...registry.tools.keys()].join(', ') || '(no tools)'}.`,
        ),
        { code: ErrorCode.InvalidParams },
      );
    }
    const progressToken = _meta?.progressToken;
    const options: ToolCallOptions = {
      signal: extra.signal,
      meta: _meta ?? {},
      onLog: (level, data) => {
        if (LEVELS.indexOf(level) < minLevel) return;
        return extra.sendNotification({
          method: 'notifications/message',
          params: { level, logger: name, data },
        });
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
    return definition.call(args, options);
  });

  return server;
}
