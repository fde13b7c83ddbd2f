import type { McpSdkServerConfig } from '@agentsdk/core';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import type { ServerRegistry } from './ServerRegistry.js';

const registries = new WeakMap<object, ServerRegistry>();

export function setRegistry(config: object, registry: ServerRegistry): void {
  registries.set(config, registry);
}

/** The tool registry behind a `createSdkMcpServer()` config (to serve it over stdio or HTTP). */
export function registryOf(config: McpSdkServerConfig, caller: string): ServerRegistry {
  const registry =
    typeof config === 'object' && config !== null ? registries.get(config) : undefined;
  if (!registry) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${caller}() needs a server made by createSdkMcpServer() from @agentsdk/tools; got ${
        typeof config === 'object' && config !== null ? 'another object' : typeof config
      }.`,
    );
  }
  return registry;
}
