/**
 * A local three-node cluster for development: Redis and PostgreSQL (started in a temp dir
 * unless REDIS_URL / DATABASE_URL are set), then `--nodes` platform nodes on 127.0.0.1 sharing
 * one data directory. Prints the URLs and a token; Ctrl-C stops everything it started.
 *
 *   ./scripts/pnpm --filter @agentsdk/agent-platform cluster [--nodes 3] [--port 8787]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    port: { type: 'string', default: '8787' },
    'data-dir': { type: 'string', default: '.platform-cluster' },
  },
});
const nodeCount = Number(values.nodes);
const basePort = Number(values.port);
const dataDir = resolve(values['data-dir']);
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function which(name: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

async function startRedis(): Promise<string> {
  const server = which('redis-server');
  if (!server)
    throw new Error('redis-server not found: apt-get install redis-server, or set REDIS_URL.');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'platform-redis-'));
  const child = spawn(
    server,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
      return `redis://127.0.0.1:${port}`;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('redis-server did not start');
}

async function startPostgres(): Promise<string> {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort()
    : [];
  const bin = versions.length ? `/usr/lib/postgresql/${versions.at(-1)}/bin` : undefined;
  if (!bin)
    throw new Error('PostgreSQL not found: apt-get install postgresql, or set DATABASE_URL.');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'platform-pg-'));
  // initdb refuses root: run it as Debian's postgres user then.
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asUser.length)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const run = (cmd: string, args: string[]) =>
    execFileSync(asUser[0] ?? cmd, [...asUser.slice(1), ...(asUser.length ? [cmd] : []), ...args], {
      stdio: 'ignore',
    });
  run(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust']);
  run(`${bin}/pg_ctl`, [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    'start',
  ]);
  cleanups.push(() => {
    try {
      run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

function startNode(index: number, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', 'src', 'main.ts')], {
    cwd: join(here, '..'),
    env: {
      ...process.env,
      ...env,
      PORT: String(basePort + index),
      PLATFORM_NODE_ID: `node${index + 1}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) done((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) =>
      fail(new Error(`node${index + 1} exited (${code}) before listening`)),
    );
  });
}

async function stopAll(): Promise<void> {
  const nodes = children.slice();
  for (const child of nodes.reverse()) child.kill('SIGTERM');
  await Promise.all(
    nodes.map((c) =>
      c.exitCode === null && c.signalCode === null
        ? new Promise((r) => c.once('exit', r))
        : undefined,
    ),
  );
  for (const cleanup of cleanups.reverse()) cleanup();
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n[cluster] ${signal}: stopping nodes, Redis and PostgreSQL`);
    void stopAll().then(() => process.exit(0));
  });
}

try {
  const redisUrl = process.env['REDIS_URL'] || (await startRedis());
  const databaseUrl = process.env['DATABASE_URL'] || (await startPostgres());
  const secret = process.env['PLATFORM_JWT_SECRET'] || randomBytes(32).toString('hex');
  const env = {
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    PLATFORM_JWT_SECRET: secret,
    PLATFORM_DATA_DIR: dataDir,
  };
  // Nodes after Redis and PostgreSQL, together (their migrations take turns under a lock).
  const urls = await Promise.all(Array.from({ length: nodeCount }, (_, i) => startNode(i, env)));
  const token = await signToken(secret, { userId: 'dev', tenantId: 'local', tier: 'pro' }, '12h');
  console.log(
    JSON.stringify({ event: 'cluster', nodes: urls, redisUrl, databaseUrl, dataDir }, null, 2),
  );
  console.log(`\nToken (user dev, tenant local, 12 h):\n${token}\n`);
  console.log(
    `Try: curl -s -X POST -H "authorization: Bearer $TOKEN" ${urls[0]}/api/sessions\nCtrl-C stops everything.`,
  );
} catch (error) {
  console.error(`[cluster] ${String(error)}`);
  await stopAll();
  process.exit(1);
}
