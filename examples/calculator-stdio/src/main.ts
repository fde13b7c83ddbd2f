import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { query, type McpServerConfig } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { createHttpHandler } from '@agentsdk/tools';
import { calculator } from './calculator.js';

await using model = await modelEnvironment([
  useTool('mcp__calc__multiply', { a: 6, b: 7 }),
  say('6 × 7 = 42, computed by the stdio server.'),
  useTool('mcp__calc__subtract', { a: 100, b: 58 }),
  say('100 - 58 = 42, computed by the HTTP server.'),
]);

// #region stdio
// The CLI starts the server as its own child process and talks MCP over its stdin/stdout.
// (A built server would be `{ command: 'node', args: ['dist/server.js'] }`; here tsx runs the source.)
const stdio: McpServerConfig = {
  type: 'stdio',
  command: process.execPath,
  args: [
    '--import',
    import.meta.resolve('tsx'),
    fileURLToPath(new URL('./server.ts', import.meta.url)),
  ],
};
// #endregion stdio

// #region http
// The same tools over Streamable HTTP, on 127.0.0.1 only (add authentication before exposing it).
const mcp = createHttpHandler(calculator);
const http = createServer((req, res) => void mcp(req, res)).listen(0, '127.0.0.1');
await new Promise((resolve) => http.once('listening', resolve));
const remote: McpServerConfig = {
  type: 'http',
  url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
};
// #endregion http

try {
  for (const [transport, calc, prompt] of [
    ['stdio', stdio, 'What is 6 × 7?'],
    ['http', remote, 'What is 100 - 58?'],
  ] as const) {
    console.log(`\n--- calc over ${transport}: ${prompt}`);
    // #region use
    for await (const message of query({
      prompt,
      options: {
        mcpServers: { calc },
        allowedTools: calculator.toolNames(), // the names do not depend on where the server runs
        env: model.env,
      },
    })) {
      if (message.type === 'system' && message.subtype === 'init')
        console.log(
          `mcp    › ${message.mcp_servers.map((s) => `${s.name}: ${s.status}`).join(', ')}`,
        );
      printMessage(message);
    }
    // #endregion use
  }
} finally {
  await mcp.close();
  http.close();
}
