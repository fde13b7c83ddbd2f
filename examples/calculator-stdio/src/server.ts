// #region server
import { serveStdio } from '@agentsdk/tools';
import { calculator } from './calculator.js';

// The same calculator as an external MCP server on stdin/stdout: `claude mcp add calc -- node
// server.js`, Claude Desktop, or any MCP client. stdout carries only JSON-RPC; log to stderr.
await serveStdio(calculator);
// #endregion server
