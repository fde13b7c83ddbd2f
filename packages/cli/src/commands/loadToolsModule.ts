import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpSdkServerConfig } from '@agentsdk/core';
import { createSdkMcpServer, isToolDefinition, type AnyToolDefinition } from '@agentsdk/tools';
import { CliError } from '../errors/CliError.js';

export interface ToolsModule {
  /** `options.mcpServers` for a session: the module's one server as `tools`, else one per export. */
  mcpServers: Record<string, McpSdkServerConfig>;
  /** One server with every tool, for serving over stdio or HTTP. */
  server: McpSdkServerConfig;
  /** Every tool found, by name. */
  toolNames: string[];
}

function isServerConfig(value: unknown): value is McpSdkServerConfig & { tools?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'sdk' &&
    typeof (value as { instance?: unknown }).instance === 'object'
  );
}

/**
 * Import a built JavaScript module and collect its exported tools: servers made with
 * `createSdkMcpServer()` and single `tool()` definitions.
 */
export async function loadToolsModule(path: string, cwd: string): Promise<ToolsModule> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) {
    throw new CliError(
      'FILE_NOT_FOUND',
      `Tools module not found: ${file}. Pass a built JavaScript module, e.g. dist/index.js.`,
    );
  }
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(
      'COMMAND_FAILED',
      `Cannot import ${file}: ${(error as Error).message}${file.endsWith('.ts') ? ' (build it and pass the .js file)' : ''}`,
      { cause: error },
    );
  }
  const servers = new Map<string, McpSdkServerConfig & { tools?: unknown }>();
  const loose: AnyToolDefinition[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isServerConfig(value)) servers.set(name === 'default' ? 'tools' : name, value);
    else if (isToolDefinition(value)) loose.push(value);
  }
  const inServers = new Set<unknown>(
    [...servers.values()].flatMap((s) => (Array.isArray(s.tools) ? (s.tools as unknown[]) : [])),
  );
  const extra = loose.filter((t) => !inServers.has(t));
  const all = [...inServers, ...extra].filter(isToolDefinition);
  if (servers.size === 0 && extra.length === 0) {
    throw new CliError(
      'NO_TOOLS',
      `${file} exports no tools: export a server from createSdkMcpServer() or tools from tool() (@agentsdk/tools).`,
    );
  }
  const mcpServers: Record<string, McpSdkServerConfig> = {};
  if (servers.size === 1 && extra.length === 0) mcpServers['tools'] = [...servers.values()][0]!;
  else {
    for (const [name, server] of servers) mcpServers[name] = server;
    if (extra.length > 0) mcpServers['tools'] = createSdkMcpServer({ name: 'tools', tools: extra });
  }
  // Rebuilt with our copy of @agentsdk/tools: serveStdio() only serves servers made by its own
  // copy, and the module has its own install.
  const only = servers.size === 1 && extra.length === 0 ? [...servers.values()][0] : undefined;
  const version = (only as { version?: unknown } | undefined)?.version;
  const server = createSdkMcpServer({
    name: only?.name ?? 'tools',
    ...(typeof version === 'string' && { version }),
    tools: all,
  });
  return { mcpServers, server, toolNames: all.map((t) => t.name) };
}
