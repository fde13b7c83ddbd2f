import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpHandler, serveStdio } from '@agentsdk/tools';
import { CliError } from '../errors/CliError.js';
import { line, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';
import { loadToolsModule } from './loadToolsModule.js';

export const SERVE_HELP = `Usage: agentsdk serve <module> [--http <port>]

Serve a built module's exported tools as an MCP server: over stdio (the default; stdout carries
only JSON-RPC), or over Streamable HTTP on 127.0.0.1 with --http (port 0 picks a free one; the
URL is printed on stdout). Stops when stdin ends (stdio) or on SIGINT/SIGTERM.

Options:
  --http <port>  serve over HTTP instead of stdio
  -h, --help     show this help

Exit codes: 0 stopped cleanly, 1 the module has no tools or cannot be loaded, 2 bad usage.
`;

export async function runServe(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk serve', args, {
    http: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('USAGE', 'agentsdk serve: give one module.');
  const tools = await loadToolsModule(positionals[0] ?? '', io.cwd);
  if (values.http === undefined) {
    const handle = await serveStdio(tools.server);
    line(io.stderr, `Serving ${tools.toolNames.join(', ')} over stdio.`);
    await handle.closed;
    return 0;
  }
  const port = Number(values.http);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      'USAGE',
      `agentsdk serve: --http needs a port number (0–65535), got "${values.http}".`,
    );
  }
  const mcp = createHttpHandler(tools.server);
  const server = createServer((req, res) => void mcp(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new CliError('COMMAND_FAILED', `Cannot listen on 127.0.0.1:${port}: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  line(io.stdout, url);
  line(
    io.stderr,
    `Serving ${tools.toolNames.join(', ')} over Streamable HTTP at ${url} (Ctrl-C stops).`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void mcp.close().then(() => server.close(() => resolve()));
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
