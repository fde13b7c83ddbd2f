import type { JSONRPCMessage, McpSdkServerConfig, SdkMcpServer } from '@agentsdk/core';
import { ToolDefinitionError } from './errors/ToolDefinitionError.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Icon } from '@modelcontextprotocol/sdk/spec.types.js';
import type { AnyPromptDefinition } from './prompt/PromptDefinition.js';
import type { AnyResourceDefinition } from './resource/ResourceDefinition.js';
import { createFastToolCall } from './server/createFastToolCall.js';
import { createMcpServer } from './server/createMcpServer.js';
import { InProcessTransport, type InProcessRequestContext } from './server/InProcessTransport.js';
import { setRegistry } from './server/registryOf.js';
import { ServerRegistry } from './server/ServerRegistry.js';
import { setServerErrorHook } from './toolError/serverErrorHook.js';
import type { ToolErrorHook } from './toolError/ToolErrorHook.js';
import { TOOL_NAME_PATTERN } from './tool.js';
import type { AnyToolDefinition } from './ToolDefinition.js';
import { mcpToolNames, type McpToolName } from './toolNames.js';

export interface CreateSdkMcpServerOptions<
  Name extends string,
  Tools extends readonly AnyToolDefinition[],
> {
  /** The server's name: its default key in `options.mcpServers` and the middle of `mcp__<name>__<tool>`. */
  name: Name;
  /** Reported in `initialize` (`serverInfo.version`). Default `"1.0.0"`. */
  version?: string;
  /** Human-readable name clients show (`serverInfo.title`). */
  title?: string;
  /** Icons clients may show (`serverInfo.icons`). */
  icons?: Icon[];
  websiteUrl?: string;
  /** How to use this server, sent in `initialize`; clients may add it to the model's prompt. */
  instructions?: string;
  tools?: Tools;
  /**
   * Static resources (`resource()`) and resource templates (`resourceTemplate()`). Give it (even
   * `[]`) to declare the resources capability; `addResource()` needs it.
   */
  resources?: readonly AnyResourceDefinition[];
  /** Prompts (`prompt()`). Give it (even `[]`) to declare the prompts capability; `addPrompt()` needs it. */
  prompts?: readonly AnyPromptDefinition[];
  /**
   * The escape hatch: called with every `@modelcontextprotocol/sdk` `Server` made for this
   * config (the in-process one, each stdio server, each HTTP session), after ours are set up.
   * Register handlers for anything this package does not wrap.
   */
  configureServer?: (server: Server) => void;
  /**
   * Called when a tool's handler throws, on every route (in-process, stdio, HTTP). Without it the
   * error is written with its stack to stderr. The model gets a short message either way (no
   * stack, secrets redacted); return a string from the hook to replace it.
   */
  onError?: ToolErrorHook;
}

/** The in-process server `handleMessage` core routes the CLI's `mcp_message` requests to. */
export interface ToolsMcpServer extends SdkMcpServer {
  readonly version: string;
  /** The MCP SDK `Server` behind the in-process route (the escape hatch). */
  readonly server: Server;
  handleMessage(
    message: JSONRPCMessage,
    context: InProcessRequestContext,
  ): Promise<JSONRPCMessage | undefined>;
}

/** What `createSdkMcpServer()` returns: an `options.mcpServers` entry that also knows its tools. */
export interface ToolServerConfig<
  Name extends string = string,
  Tools extends readonly AnyToolDefinition[] = readonly AnyToolDefinition[],
> extends McpSdkServerConfig {
  readonly type: 'sdk';
  readonly name: Name;
  readonly version: string;
  readonly instance: ToolsMcpServer;
  /** The tools served now (the ones given, plus `addTool`, minus `removeTool`). */
  readonly tools: Tools;
  /** The resources and resource templates served now. */
  readonly resources: readonly AnyResourceDefinition[];
  /** The prompts served now. */
  readonly prompts: readonly AnyPromptDefinition[];
  /**
   * The Claude Code names of this server's tools, typed (`["mcp__calc__add", …]`), for
   * `allowedTools`. Pass the server's key in `options.mcpServers` when it differs from `name`.
   */
  toolNames<const Key extends string = Name>(
    serverKey?: Key,
  ): McpToolName<Key, Tools[number]['name']>[];
  /** Serve one more tool on every connection; clients get `notifications/tools/list_changed`. */
  addTool(tool: AnyToolDefinition): void;
  /** Stop serving a tool; `false` when there was none by that name. */
  removeTool(name: string): boolean;
  /** Serve one more resource or template (`notifications/resources/list_changed`). */
  addResource(resource: AnyResourceDefinition): void;
  /** Stop serving a resource (by URI or name) or a template (by name). */
  removeResource(uriOrName: string): boolean;
  addPrompt(prompt: AnyPromptDefinition): void;
  removePrompt(name: string): boolean;
  /** Tell clients subscribed to `uri` that it changed (`notifications/resources/updated`). */
  notifyResourceUpdated(uri: string): void;
}

/**
 * Bundle tools, resources and prompts into an MCP server that runs inside your process: put it in
 * `options.mcpServers` (`{ calc: createSdkMcpServer({ name: 'calc', tools: [add] }) }`), or serve
 * the same definitions with `serveStdio()` / `createHttpHandler()`.
 */
export function createSdkMcpServer<
  const Name extends string,
  const Tools extends readonly AnyToolDefinition[] = readonly [],
>(options: CreateSdkMcpServerOptions<Name, Tools>): ToolServerConfig<Name, Tools> {
  if (typeof options !== 'object' || options === null) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      'createSdkMcpServer() takes an options object: { name, version?, tools, resources?, prompts? }.',
    );
  }
  const { name, version = '1.0.0', title, icons, websiteUrl, instructions } = options;
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_NAME',
      `Invalid MCP server name ${JSON.stringify(name)}: use 1–64 characters from a-z, A-Z, 0-9, "_" and "-" ` +
        `(Claude Code names its tools mcp__<server>__<tool>).`,
    );
  }
  if (typeof version !== 'string') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Server "${name}": version must be a string such as "1.0.0".`,
    );
  }
  if (instructions !== undefined && typeof instructions !== 'string') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Server "${name}": instructions must be a string.`,
    );
  }
  for (const key of ['tools', 'resources', 'prompts'] as const) {
    if (options[key] !== undefined && !Array.isArray(options[key])) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `Server "${name}": ${key} must be an array of ${key.slice(0, -1)}() definitions.`,
      );
    }
  }
  if (options.configureServer !== undefined && typeof options.configureServer !== 'function') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Server "${name}": configureServer must be a function (server) => void.`,
    );
  }

  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Server "${name}": onError must be a function (error, context) => void | string.`,
    );
  }

  const registry = new ServerRegistry(
    {
      name,
      version,
      ...(title !== undefined && { title }),
      ...(icons !== undefined && { icons }),
      ...(websiteUrl !== undefined && { websiteUrl }),
    },
    instructions,
    options.configureServer,
    { resources: options.resources !== undefined, prompts: options.prompts !== undefined },
  );
  setServerErrorHook(registry, options.onError);
  (options.tools ?? []).forEach((t, i) => registry.addTool(t, `tools[${i}]`));
  (options.resources ?? []).forEach((r, i) => registry.addResource(r, `resources[${i}]`));
  (options.prompts ?? []).forEach((p, i) => registry.addPrompt(p, `prompts[${i}]`));

  const server = createMcpServer(registry);
  const transport = new InProcessTransport();
  transport.fastToolCall = createFastToolCall(registry, server, transport);
  // connect() wires the transport synchronously; start() has nothing to wait for.
  void server.connect(transport);

  const instance: ToolsMcpServer = {
    name,
    version,
    server,
    handleMessage: (message, context) => transport.dispatch(message, context),
  };

  const config: ToolServerConfig<Name, Tools> = {
    type: 'sdk',
    name,
    version,
    instance,
    get tools() {
      return Object.freeze([...registry.tools.values()]) as unknown as Tools;
    },
    get resources() {
      return Object.freeze([...registry.resources.values(), ...registry.templates.values()]);
    },
    get prompts() {
      return Object.freeze([...registry.prompts.values()]);
    },
    toolNames(serverKey) {
      return mcpToolNames(config, serverKey ?? name) as never;
    },
    addTool(definition) {
      registry.addTool(definition, `addTool()`);
      registry.listChanged('tools');
    },
    removeTool(toolName) {
      const removed = registry.removeTool(toolName);
      if (removed) registry.listChanged('tools');
      return removed;
    },
    addResource(definition) {
      if (!registry.servesResources) throw undeclared(name, 'resources');
      registry.addResource(definition, `addResource()`);
      registry.listChanged('resources');
    },
    removeResource(uriOrName) {
      const removed = registry.removeResource(uriOrName);
      if (removed) registry.listChanged('resources');
      return removed;
    },
    addPrompt(definition) {
      if (!registry.servesPrompts) throw undeclared(name, 'prompts');
      registry.addPrompt(definition, `addPrompt()`);
      registry.listChanged('prompts');
    },
    removePrompt(promptName) {
      const removed = registry.removePrompt(promptName);
      if (removed) registry.listChanged('prompts');
      return removed;
    },
    notifyResourceUpdated(uri) {
      registry.resourceUpdated(uri);
    },
  };
  setRegistry(config, registry);
  return config;
}

function undeclared(name: string, kind: 'resources' | 'prompts'): ToolDefinitionError {
  return new ToolDefinitionError(
    'INVALID_TOOL_DEFINITION',
    `Server "${name}" did not declare ${kind} (clients were told it has none). ` +
      `Pass ${kind}: [] to createSdkMcpServer() to add ${kind} later.`,
  );
}
