/** The name Claude Code gives tool `Tool` of MCP server `Server` (for `allowedTools`, hooks, permissions). */
export type McpToolName<Server extends string, Tool extends string> = `mcp__${Server}__${Tool}`;

/** Anything with a server name and named tools: a `createSdkMcpServer()` config. */
export interface NamedToolServer {
  readonly name: string;
  readonly tools: readonly { readonly name: string }[];
}

/** Claude Code replaces every character outside a-z, A-Z, 0-9, "_" and "-" with "_". */
function normalize(part: string): string {
  return part.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/**
 * `mcpToolName('calc', 'add')` → `"mcp__calc__add"`: the name Claude Code gives an MCP tool.
 * `server` is the key of the server in `options.mcpServers`.
 */
export function mcpToolName<const Server extends string, const Tool extends string>(
  server: Server,
  tool: Tool,
): McpToolName<Server, Tool> {
  return `mcp__${normalize(server)}__${normalize(tool)}` as McpToolName<Server, Tool>;
}

/**
 * The Claude Code names of every tool of a server, typed:
 * `mcpToolNames(calc)` → `("mcp__calc__add" | "mcp__calc__divide" | …)[]`. Pass `serverKey`
 * when the server's key in `options.mcpServers` differs from its name.
 */
export function mcpToolNames<S extends NamedToolServer>(
  server: S,
): McpToolName<S['name'], S['tools'][number]['name']>[];
export function mcpToolNames<S extends NamedToolServer, const Key extends string>(
  server: S,
  serverKey: Key,
): McpToolName<Key, S['tools'][number]['name']>[];
export function mcpToolNames(server: NamedToolServer, serverKey?: string): string[] {
  const key = serverKey ?? server.name;
  return server.tools.map((t) => mcpToolName(key, t.name));
}
