import type { ServerInfo } from '../control/serverInfo.js';
import type { ClaudeAgentOptions, SDKWarning } from '../options/ClaudeAgentOptions.js';
import { externalMcpServers } from '../transport/buildArgs.js';

/**
 * What the CLI's `initialize` answer says about config sent in it: a CLI that ignored the MCP
 * servers or plugins runs without them, which the caller would otherwise only notice later.
 */
export function deliveryWarnings(options: ClaudeAgentOptions, info: ServerInfo): SDKWarning[] {
  const warnings: SDKWarning[] = [];
  const servers = externalMcpServers(options.mcpServers);
  if (options.mcpServersDelivery === 'initialize' && servers && info.mcp_servers_applied !== true) {
    warnings.push({
      code: 'CONFIG',
      message: `The CLI did not take the MCP servers sent at initialize (${Object.keys(servers).join(', ')}); the session runs without them. Use a CLI that supports mcpServersDelivery: 'initialize' (2.1.261 or newer) or set it to 'argv'.`,
    });
  }
  const plugins = options.plugins ?? [];
  if (options.pluginDelivery === 'initialize' && plugins.length && info.plugins_applied !== true) {
    warnings.push({
      code: 'CONFIG',
      message: `The CLI did not load every plugin sent at initialize (${plugins.map((p) => p.path).join(', ')}); the session runs with the plugins it was launched with. Check the paths, or set pluginDelivery: 'argv'.`,
    });
  }
  return warnings;
}
