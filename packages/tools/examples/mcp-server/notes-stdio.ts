// #region stdio
import { serveStdio } from '../../src/index.js';
import { notesServer } from './notes-server.js';

// `claude mcp add notes -- node notes-stdio.js`, or an agent's { type: 'stdio', command, args }.
await serveStdio(notesServer);
// #endregion stdio
