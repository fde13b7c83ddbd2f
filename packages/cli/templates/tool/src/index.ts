import { createSdkMcpServer } from '@agentsdk/tools';
import { greet } from './greet.js';

export { greet };

/** The MCP server: pass it to `options.mcpServers` in an agent, or serve it with `src/server.ts`. */
export const server = createSdkMcpServer({
  name: '__SERVER_NAME__',
  version: '0.1.0',
  tools: [greet],
});
