import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Icon, Implementation } from '@modelcontextprotocol/sdk/spec.types.js';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { isPromptDefinition } from '../prompt/prompt.js';
import type { AnyPromptDefinition } from '../prompt/PromptDefinition.js';
import { isResourceDefinition } from '../resource/resource.js';
import type {
  AnyResourceDefinition,
  Resource,
  ResourceDefinition,
  ResourceTemplateDefinition,
} from '../resource/ResourceDefinition.js';
import { isToolDefinition } from '../tool.js';
import type { AnyToolDefinition, ToolListEntry } from '../ToolDefinition.js';

/** What every connection of a server shares: the definitions, the cached lists, the live connections. */
export interface ServerDescription {
  readonly info: Implementation;
  readonly instructions: string | undefined;
  /** The escape hatch: called with every MCP SDK `Server` made for a connection. */
  readonly configureServer: ((server: Server) => void) | undefined;
}

type Kind = 'tools' | 'resources' | 'prompts';

/**
 * A server's tools, resources and prompts: checked on entry, looked up per call, listed from cached
 * results, changed at run time with `list_changed` sent to every live connection.
 */
export class ServerRegistry {
  readonly name: string;
  readonly version: string;
  readonly description: ServerDescription;
  readonly tools = new Map<string, AnyToolDefinition>();
  readonly resources = new Map<string, ResourceDefinition>();
  readonly templates = new Map<string, ResourceTemplateDefinition<string>>();
  readonly prompts = new Map<string, AnyPromptDefinition>();
  /** Live MCP SDK servers (one per connection) with the URIs each client subscribed to. */
  readonly connections = new Map<Server, Set<string>>();
  #toolList: { tools: ToolListEntry[] } | undefined;
  /** Declared in `initialize` (fixed for a connection), so decided when the server is defined. */
  readonly servesResources: boolean;
  readonly servesPrompts: boolean;

  constructor(
    info: Implementation,
    instructions: string | undefined,
    configureServer: ((server: Server) => void) | undefined,
    serves: { resources: boolean; prompts: boolean },
  ) {
    this.servesResources = serves.resources;
    this.servesPrompts = serves.prompts;
    this.name = info.name;
    this.version = info.version;
    this.description = { info, instructions, configureServer };
  }

  get toolList(): { tools: ToolListEntry[] } {
    this.#toolList ??= { tools: [...this.tools.values()].map((t) => t.listEntry) };
    return this.#toolList;
  }

  get staticResources(): Resource[] {
    return [...this.resources.values()].map((r) => r.listEntry);
  }

  addTool(entry: unknown, where: string): void {
    if (!isToolDefinition(entry)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `Server "${this.name}": ${where} is not a tool made by tool() from @agentsdk/tools. ` +
          `Define it with tool(name, description, schema, handler).`,
      );
    }
    if (this.tools.has(entry.name)) {
      throw new ToolDefinitionError(
        'DUPLICATE_TOOL_NAME',
        `Server "${this.name}" has two tools named "${entry.name}" (${where} repeats it). ` +
          `Tool names must be unique within a server; rename one of them.`,
      );
    }
    this.tools.set(entry.name, entry);
    this.#toolList = undefined;
  }

  addResource(entry: unknown, where: string): void {
    if (!isResourceDefinition(entry)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `Server "${this.name}": ${where} is not made by resource() or resourceTemplate() from @agentsdk/tools.`,
      );
    }
    const resource = entry as AnyResourceDefinition;
    const names = [...this.resources.values(), ...this.templates.values()].map((r) => r.name);
    if (names.includes(resource.name)) {
      throw new ToolDefinitionError(
        'DUPLICATE_NAME',
        `Server "${this.name}" has two resources named "${resource.name}" (${where} repeats it). Rename one of them.`,
      );
    }
    if (resource.kind === 'resource') {
      if (this.resources.has(resource.uri)) {
        throw new ToolDefinitionError(
          'DUPLICATE_NAME',
          `Server "${this.name}" has two resources at ${resource.uri} (${where} repeats it). Each URI can be served once.`,
        );
      }
      this.resources.set(resource.uri, resource);
    } else {
      const same = [...this.templates.values()].find((t) => t.uriTemplate === resource.uriTemplate);
      if (same) {
        throw new ToolDefinitionError(
          'DUPLICATE_NAME',
          `Server "${this.name}": ${where} repeats the URI template ${resource.uriTemplate} of "${same.name}".`,
        );
      }
      this.templates.set(resource.name, resource);
    }
  }

  addPrompt(entry: unknown, where: string): void {
    if (!isPromptDefinition(entry)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `Server "${this.name}": ${where} is not a prompt made by prompt() from @agentsdk/tools.`,
      );
    }
    if (this.prompts.has(entry.name)) {
      throw new ToolDefinitionError(
        'DUPLICATE_NAME',
        `Server "${this.name}" has two prompts named "${entry.name}" (${where} repeats it). Rename one of them.`,
      );
    }
    this.prompts.set(entry.name, entry);
  }

  removeTool(name: string): boolean {
    const removed = this.tools.delete(name);
    if (removed) this.#toolList = undefined;
    return removed;
  }

  /** Remove a static resource (by URI or name) or a template (by name). */
  removeResource(uriOrName: string): boolean {
    if (this.resources.delete(uriOrName)) return true;
    for (const [uri, r] of this.resources)
      if (r.name === uriOrName) return this.resources.delete(uri);
    return this.templates.delete(uriOrName);
  }

  removePrompt(name: string): boolean {
    return this.prompts.delete(name);
  }

  /** The resource or template that serves `uri`. */
  findResource(uri: string): AnyResourceDefinition | undefined {
    const found = this.resources.get(uri);
    if (found) return found;
    for (const template of this.templates.values()) if (template.match(uri)) return template;
    return undefined;
  }

  /** Tell every connection that a list changed (`notifications/<kind>/list_changed`). */
  listChanged(kind: Kind): void {
    this.#broadcast({ method: `notifications/${kind}/list_changed` }, () => true);
  }

  /** Tell the clients subscribed to `uri` that it changed (`notifications/resources/updated`). */
  resourceUpdated(uri: string): void {
    this.#broadcast({ method: 'notifications/resources/updated', params: { uri } }, (subscribed) =>
      subscribed.has(uri),
    );
  }

  #broadcast(
    notification: { method: string; params?: { uri: string } },
    wanted: (subscribed: Set<string>) => boolean,
  ): void {
    for (const [server, subscribed] of this.connections) {
      if (server.transport === undefined || !wanted(subscribed)) continue;
      server.notification(notification as never).catch(() => {
        // A connection closing while we notify it is not an error of the change.
      });
    }
  }
}

export type { Icon };
