import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpSdkServerConfig } from '@agentsdk/core';
import {
  createSdkMcpServer,
  isPromptDefinition,
  isResourceDefinition,
  isToolDefinition,
  type AnyPromptDefinition,
  type AnyResourceDefinition,
  type AnyToolDefinition,
} from '@agentsdk/tools';
import { CliError } from '../errors/CliError.js';

export interface ToolsModule {
  /** `options.mcpServers` for a session: the module's one server as `tools`, else one per export. */
  mcpServers: Record<string, McpSdkServerConfig>;
  /** One server with every tool, resource and prompt, for serving over stdio or HTTP. */
  server: McpSdkServerConfig;
  /** Every tool found, by name. */
  toolNames: string[];
  /** Every resource (URI) and resource template (URI template) found. */
  resourceUris: string[];
  /** Every prompt found, by name. */
  promptNames: string[];
}

type ExportedServer = McpSdkServerConfig & {
  tools?: unknown;
  resources?: unknown;
  prompts?: unknown;
};

function isServerConfig(value: unknown): value is ExportedServer {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'sdk' &&
    typeof (value as { instance?: unknown }).instance === 'object'
  );
}

/** The definitions a server holds under `key`, kept only if `is` recognises them. */
function held<T>(
  servers: Iterable<ExportedServer>,
  key: 'tools' | 'resources' | 'prompts',
  is: (v: unknown) => v is T,
): T[] {
  const all = [...servers].flatMap((s) => (Array.isArray(s[key]) ? (s[key] as unknown[]) : []));
  return [...new Set(all)].filter(is);
}

/**
 * Import a built JavaScript module and collect what it exports: servers made with
 * `createSdkMcpServer()`, and single `tool()`, `resource()`/`resourceTemplate()` and `prompt()`
 * definitions.
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
  const servers = new Map<string, ExportedServer>();
  const loose: unknown[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isServerConfig(value)) servers.set(name === 'default' ? 'tools' : name, value);
    else loose.push(value);
  }
  const inServers = new Set<unknown>(
    [...servers.values()].flatMap((s) =>
      (['tools', 'resources', 'prompts'] as const).flatMap((key) =>
        Array.isArray(s[key]) ? (s[key] as unknown[]) : [],
      ),
    ),
  );
  const extra = loose.filter((value) => !inServers.has(value));
  const tools = [
    ...held(servers.values(), 'tools', isToolDefinition),
    ...extra.filter(isToolDefinition),
  ];
  const resources: AnyResourceDefinition[] = [
    ...held(servers.values(), 'resources', isResourceDefinition),
    ...extra.filter(isResourceDefinition),
  ];
  const prompts: AnyPromptDefinition[] = [
    ...held(servers.values(), 'prompts', isPromptDefinition),
    ...extra.filter(isPromptDefinition),
  ];
  const extraTools = extra.filter(isToolDefinition);
  const extraOther = extra.some((v) => isResourceDefinition(v) || isPromptDefinition(v));
  if (servers.size === 0 && tools.length + resources.length + prompts.length === 0) {
    throw new CliError(
      'NO_TOOLS',
      `${file} exports no tools, resources or prompts: export a server from createSdkMcpServer(), or tool(), resource() or prompt() definitions (@agentsdk/tools).`,
    );
  }
  const mcpServers: Record<string, McpSdkServerConfig> = {};
  const only =
    servers.size === 1 && extraTools.length === 0 && !extraOther
      ? [...servers.values()][0]
      : undefined;
  if (only) mcpServers['tools'] = only;
  else {
    for (const [name, server] of servers) mcpServers[name] = server;
    if (extraTools.length > 0 || extraOther) {
      mcpServers['tools'] = createSdkMcpServer({
        name: 'tools',
        tools: extraTools,
        ...(extra.some(isResourceDefinition) && { resources: extra.filter(isResourceDefinition) }),
        ...(extra.some(isPromptDefinition) && { prompts: extra.filter(isPromptDefinition) }),
      });
    }
  }
  // Rebuilt with our copy of @agentsdk/tools: serveStdio() only serves servers made by its own
  // copy, and the module has its own install.
  const version = (only as { version?: unknown } | undefined)?.version;
  const server = createSdkMcpServer({
    name: only?.name ?? 'tools',
    ...(typeof version === 'string' && { version }),
    tools: tools as AnyToolDefinition[],
    ...(resources.length > 0 && { resources }),
    ...(prompts.length > 0 && { prompts }),
  });
  return {
    mcpServers,
    server,
    toolNames: tools.map((t) => t.name),
    resourceUris: resources.map((r) => (r.kind === 'resource' ? r.uri : r.uriTemplate)),
    promptNames: prompts.map((p) => p.name),
  };
}
