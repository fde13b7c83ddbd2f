import { createServer } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { createHttpHandler, serveStdio } from '@agentsdk/tools';
import { CliError } from '../errors/CliError.js';
import { line, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';
import { loadToolsModule, type ToolsModule } from './loadToolsModule.js';

export const SERVE_HELP = `Usage: agentsdk serve <module> [--http <port>] [--host <address>]

Serve a built module's tools, resources and prompts as one MCP server: over stdio (the default;
stdout carries only JSON-RPC), or over Streamable HTTP with --http (port 0 picks a free one; the
URL is printed on stdout). Stops when stdin ends (stdio) or on SIGINT/SIGTERM.

Options:
  --http <port>     serve over Streamable HTTP instead of stdio, at http://<host>:<port>/mcp
  --host <address>  the address to listen on with --http (default 127.0.0.1). Another address
                    makes the server reachable from other machines, without authentication
  -h, --help        show this help

Exit codes: 0 stopped cleanly, 1 the module exports nothing to serve, cannot be loaded or the
port is taken, 2 bad usage.
`;

const LOOPBACK = '127.0.0.1';

export async function runServe(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk serve', args, {
    http: { type: 'string' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('USAGE', 'agentsdk serve: give one module.');
  if (values.host !== undefined && values.http === undefined) {
    throw new CliError(
      'USAGE',
      'agentsdk serve: --host needs --http <port> (stdio has no address).',
    );
  }
  const port = values.http === undefined ? undefined : Number(values.http);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new CliError(
      'USAGE',
      `agentsdk serve: --http needs a port number (0–65535), got "${values.http}".`,
    );
  }
  const host = values.host ?? LOOPBACK;
  if (isIP(host) === 0 && host !== 'localhost') {
    throw new CliError(
      'USAGE',
      `agentsdk serve: --host needs an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost, got "${host}".`,
    );
  }
  const module = await loadToolsModule(positionals[0] ?? '', io.cwd);
  if (port === undefined) {
    const handle = await serveStdio(module.server);
    line(io.stderr, `Serving ${summary(module)} over stdio.`);
    await handle.closed;
    return 0;
  }
  return serveHttp(module, host, port, io);
}

async function serveHttp(module: ToolsModule, host: string, port: number, io: Io): Promise<number> {
  const mcp = createHttpHandler(module.server);
  const server = createServer((req, res) => void mcp(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new CliError('COMMAND_FAILED', `Cannot listen on ${host}:${port}: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    server.listen(port, host, resolve);
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const url = `http://${isIP(address) === 6 ? `[${address}]` : address}:${bound}/mcp`;
  line(io.stdout, url);
  line(io.stderr, `Serving ${summary(module)} over Streamable HTTP at ${url} (Ctrl-C stops).`);
  if (!isLoopback(address)) {
    line(
      io.stderr,
      `Listening on ${address}: other machines can call these tools, and there is no authentication. ` +
        `Use createHttpHandler() with auth for a server exposed beyond this machine.`,
    );
  }
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

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** "greet (tool), greet://phrases (resource), welcome (prompt)". */
function summary(module: ToolsModule): string {
  return [
    ...module.toolNames.map((n) => `${n} (tool)`),
    ...module.resourceUris.map((u) => `${u} (resource)`),
    ...module.promptNames.map((n) => `${n} (prompt)`),
  ].join(', ');
}
