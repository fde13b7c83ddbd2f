import type { McpSdkServerConfig } from '@agentsdk/core';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Readable, Writable } from 'node:stream';
import { createMcpServer } from './server/createMcpServer.js';
import { registryOf } from './server/registryOf.js';

export interface ServeStdioOptions {
  /** Default `process.stdin`. */
  stdin?: Readable;
  /** Default `process.stdout`. Nothing else may write to it: log to stderr or with `context.log()`. */
  stdout?: Writable;
  /** Called with errors the connection reports (bad JSON on stdin, write failures). Default: ignored. */
  onError?: (error: Error) => void;
}

/** A running stdio server. */
export interface StdioServerHandle {
  /** Stop serving: running tool calls are aborted. Idempotent. */
  close(): Promise<void>;
  /** Resolves once the server has stopped (after `close()` or when stdin ends). */
  readonly closed: Promise<void>;
}

/**
 * Serve a `createSdkMcpServer()` config as a standalone MCP server over stdio (newline-delimited
 * JSON-RPC on stdin/stdout), for Claude Desktop, `claude mcp add`, an agent's
 * `{ type: 'stdio', command, args }` entry, or any MCP client. Stops when stdin ends.
 *
 * ```ts
 * // calculator-server.ts
 * await serveStdio(calculator);
 * ```
 */
export async function serveStdio(
  server: McpSdkServerConfig,
  options: ServeStdioOptions = {},
): Promise<StdioServerHandle> {
  const registry = registryOf(server, 'serveStdio');
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const mcpServer = createMcpServer(registry);
  const transport = new StdioServerTransport(stdin, stdout);

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stdin.off('end', onEnd);
      await mcpServer.close();
      resolveClosed();
    })();
    return closing;
  };
  const onEnd = (): void => void close();

  mcpServer.onerror = (error) => options.onError?.(error);
  mcpServer.onclose = () => void close();
  stdin.once('end', onEnd);
  await mcpServer.connect(transport);
  return { close, closed };
}
