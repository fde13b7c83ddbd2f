import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { isToolDefinition } from '../tool.js';
import type { AnyToolDefinition, ToolListEntry } from '../ToolDefinition.js';

/** A server's tools, checked once: looked up by name per call, listed from a cached result. */
export interface ToolRegistry {
  readonly name: string;
  readonly version: string;
  readonly tools: ReadonlyMap<string, AnyToolDefinition>;
  /** The `tools/list` result, built once and shared by every connection. */
  readonly listResult: { tools: ToolListEntry[] };
}

export function createToolRegistry(
  name: string,
  version: string,
  tools: readonly unknown[],
): ToolRegistry {
  const byName = new Map<string, AnyToolDefinition>();
  tools.forEach((entry, index) => {
    if (!isToolDefinition(entry)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `Server "${name}": tools[${index}] is not a tool made by tool() from @agentsdk/tools. ` +
          `Define it with tool(name, description, schema, handler).`,
      );
    }
    if (byName.has(entry.name)) {
      throw new ToolDefinitionError(
        'DUPLICATE_TOOL_NAME',
        `Server "${name}" has two tools named "${entry.name}" (tools[${index}] repeats it). ` +
          `Tool names must be unique within a server; rename one of them.`,
      );
    }
    byName.set(entry.name, entry);
  });
  return Object.freeze({
    name,
    version,
    tools: byName,
    listResult: { tools: [...byName.values()].map((t) => t.listEntry) },
  });
}
