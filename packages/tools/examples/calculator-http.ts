// #region http
import { createServer } from 'node:http';
import { createHttpHandler } from '../src/index.js';
import { calculator } from './calculator.js';

const mcp = createHttpHandler(calculator);
createServer((req, res) => void mcp(req, res)).listen(3000, '127.0.0.1');
// Streamable HTTP endpoint: http://127.0.0.1:3000 (any path; route it yourself if you like).
// #endregion http
