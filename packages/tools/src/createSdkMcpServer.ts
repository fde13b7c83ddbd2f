import type { JSONRPCMessage, McpSdkServerConfig, SdkMcpServer } from '@agentsdk/core';
import { ToolDefinitionError } from './errors/ToolDefinitionError.js';
import { createMcpServer } from './server/createMcpServer.js';
import { InProcessTransport, type InProcessRequestContext } from './server/InProcessTransport.js';
import { setRegistry } from './server/registryOf.js';
import { createToolRegistry } from './server/ToolRegistry.js';
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
  tools?: Tools;
}

/** The in-process server `handleMessage` core routes the CLI's `mcp_message` requests to. */
export interface ToolsMcpServer extends SdkMcpServer {
  readonly version: string;
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
  readonly tools: Tools;
  /**
   * The Claude Code names of this server's tools, typed (`["mcp__calc__add", …]`), for
   * `allowedTools`. Pass the server's key in `options.mcpServers` when it differs from `name`.
   */
  toolNames<const Key extends string = Name>(
    serverKey?: Key,
  ): McpToolName<Key, Tools[number]['name']>[];
}

/**
 * Bundle tools into an MCP server that runs inside your process: put it in
 * `options.mcpServers` (`{ calc: createSdkMcpServer({ name: 'calc', tools: [add] }) }`), or serve
 * the same tools with `serveStdio()` / `createHttpHandler()`.
 */
export function createSdkMcpServer<
  const Name extends string,
  const Tools extends readonly AnyToolDefinition[] = readonly [],
>(options: CreateSdkMcpServerOptions<Name, Tools>): ToolServerConfig<Name, Tools> {
  if (typeof options !== 'object' || options === null) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      'createSdkMcpServer() takes an options object: { name, version?, tools }.',
    );
  }
  const { name, version = '1.0.0' } = options;
  const tools = (options.tools ?? []) as Tools;
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
  if (!Array.isArray(tools)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Server "${name}": tools must be an array of tool() definitions.`,
    );
  }

  const registry = createToolRegistry(name, version, tools);
  const server = createMcpServer(registry);
  const transport = new InProcessTransport();
  // connect() wires the transport synchronously; start() has nothing to wait for.
  void server.connect(transport);

  const instance: ToolsMcpServer = {
    name,
    version,
    handleMessage: (message, context) => transport.dispatch(message, context),
  };

  const config: ToolServerConfig<Name, Tools> = {
    type: 'sdk',
    name,
    version,
    instance,
    tools: Object.freeze([...tools]) as unknown as Tools,
    toolNames(serverKey) {
      return mcpToolNames(config, serverKey ?? name) as never;
    },
  };
  setRegistry(config, registry);
  return config;
}
