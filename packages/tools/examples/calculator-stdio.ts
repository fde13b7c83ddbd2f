// #region stdio
import { serveStdio } from '../src/index.js';
import { calculator } from './calculator.js';

// `claude mcp add calc -- node calculator-stdio.js`, Claude Desktop, or any MCP client.
await serveStdio(calculator);
// #endregion stdio
