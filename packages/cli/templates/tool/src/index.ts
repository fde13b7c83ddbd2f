import { createSdkMcpServer } from '@agentsdk/tools';
import { greet } from './greet.js';
import { phrases } from './phrases.js';
import { welcome } from './welcome.js';

export { greet, phrases, welcome };

/** The MCP server: pass it to `options.mcpServers` in an agent, or serve it with `src/server.ts`. */
export const server = createSdkMcpServer({
  name: '__SERVER_NAME__',
  version: '0.1.0',
  tools: [greet],
  resources: [phrases],
  prompts: [welcome],
});
