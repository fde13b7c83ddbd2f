// #region http
import { createServer } from 'node:http';
import { createHttpHandler } from '../../src/index.js';
import { notesServer } from './notes-server.js';

// Host/Origin checked (localhost names, any port); streams resumable from an in-memory event store.
const mcp = createHttpHandler(notesServer, { retryInterval: 1000 });
createServer((req, res) => void mcp(req, res)).listen(3000, '127.0.0.1');
// #endregion http
