import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { fakeCliPath } from '@agentsdk/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { fakeCliEnv, repoRoot, SECRET, spawnPlatform } from './helpers.js';

/** URLs written by scripts/ci-setup.sh; `DATABASE_URL_TEST` / `REDIS_URL_TEST` override. */
function fromFile(env: string, file: string): string | undefined {
  return process.env[env] ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
}

export const pgUrl = fromFile(
  'DATABASE_URL_TEST',
  process.env['PG_URL_FILE'] ?? '/tmp/agent-platform-pg/url',
);
export const redisUrl = fromFile(
  'REDIS_URL_TEST',
  process.env['REDIS_URL_FILE'] ?? '/tmp/agent-platform-redis/url',
);
export const clusterMissing = !pgUrl || !redisUrl;
if (clusterMissing) {
  console.warn(
    '[cluster tests] skipped: PostgreSQL and Redis are needed; run apps/agent-platform/scripts/ci-setup.sh (or set DATABASE_URL_TEST and REDIS_URL_TEST).',
  );
}

/** A database of its own for one test file (CREATE DATABASE), dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cluster_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface Node {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export interface TestCluster {
  nodes: Node[];
  dataDir: string;
  databaseUrl: string;
  prefix: string;
  redis: Redis;
  /** Starts one more node on the same database, Redis prefix and data directory. */
  start(name: string, env?: Record<string, string>): Promise<Node>;
  close(): Promise<void>;
}

/**
 * `count` nodes (`src/main.ts` as child processes) on one fresh database, one Redis key prefix
 * and one shared data directory, running the fake CLI in the sandbox unless `env` says otherwise.
 */
export async function startCluster(
  count: number,
  env: Record<string, string> = {},
): Promise<TestCluster> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-cluster-'));
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(redisUrl!);
  const nodes: Node[] = [];
  const start = async (name: string, extra: Record<string, string> = {}): Promise<Node> => {
    const started = await spawnPlatform({
      PLATFORM_JWT_SECRET: SECRET,
      PLATFORM_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl!,
      PLATFORM_REDIS_PREFIX: prefix,
      PLATFORM_NODE_ID: name,
      PLATFORM_LEASE_TTL_MS: '2000',
      CLAUDE_CLI_PATH: fakeCliPath,
      PLATFORM_CLI_ENV: JSON.stringify(fakeCliEnv()),
      PLATFORM_SANDBOX_READ_ONLY: repoRoot,
      PLATFORM_METRICS_TOKEN: 'metrics-test-token-0123456789',
      PLATFORM_SHUTDOWN_GRACE_MS: '300',
      PLATFORM_USER_RATE_PER_MINUTE: '60000',
      PLATFORM_USER_RATE_BURST: '10000',
      PLATFORM_TENANT_RATE_PER_MINUTE: '60000',
      PLATFORM_TENANT_RATE_BURST: '10000',
      ...env,
      ...extra,
    });
    const node = { name, ...started };
    nodes.push(node);
    return node;
  };
  // Together, as a deployment starts them: migrations must not race.
  await Promise.all(Array.from({ length: count }, (_, i) => start(String.fromCharCode(65 + i))));
  nodes.sort((a, b) => a.name.localeCompare(b.name));
  return {
    nodes,
    dataDir,
    databaseUrl: db.url,
    prefix,
    redis,
    start,
    async close() {
      for (const node of nodes) {
        if (node.child.exitCode === null && node.child.signalCode === null) {
          node.child.kill('SIGTERM');
        }
      }
      await Promise.all(nodes.map((n) => n.exited));
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `/health` with the metrics token: this node's live CLI process count. */
export async function processesOn(node: Node): Promise<number> {
  const response = await fetch(`${node.url}/health`, {
    headers: { authorization: 'Bearer metrics-test-token-0123456789' },
  });
  return ((await response.json()) as { processes: number }).processes;
}
