import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpHandler, type McpHttpHandler } from '../src/index.js';
import { createConformanceServer } from './fixtures/conformanceServer.js';

const run = promisify(execFile);

// The suite needs Node >= 22 (it dies at start-up on 20): an npm-packaged Node goes into a
// gitignored cache beside the package, installed once with npm, never globally.
const CONFORMANCE_VERSION = '0.1.16';
const NODE_VERSION = '22.23.5';
const cache = fileURLToPath(new URL('../.conformance/', import.meta.url));
const platform = process.platform === 'win32' ? 'win' : process.platform;
const nodePackage = `node-${platform}-${process.arch}`;
const node22 = join(
  cache,
  'node_modules',
  nodePackage,
  'bin',
  platform === 'win' ? 'node.exe' : 'node',
);
const suite = join(
  cache,
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);

function installed(name: string, version: string): boolean {
  const manifest = join(cache, 'node_modules', name, 'package.json');
  return (
    existsSync(manifest) &&
    (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === version
  );
}

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
}

describe('the official MCP conformance suite against a server built with the public API', () => {
  let handler: McpHttpHandler;
  let http: Server;
  let url: string;

  beforeAll(async () => {
    if (
      !installed(nodePackage, NODE_VERSION) ||
      !installed('@modelcontextprotocol/conformance', CONFORMANCE_VERSION)
    ) {
      mkdirSync(cache, { recursive: true });
      await run(
        'npm',
        [
          'install',
          '--prefix',
          cache,
          '--no-audit',
          '--no-fund',
          '--no-package-lock',
          `${nodePackage}@${NODE_VERSION}`,
          `@modelcontextprotocol/conformance@${CONFORMANCE_VERSION}`,
        ],
        { timeout: 240_000 },
      );
    }
    // A short retry interval keeps the SSE polling scenario quick.
    handler = createHttpHandler(createConformanceServer(), { retryInterval: 200 });
    http = createServer((req, res) => void handler(req, res)).listen(0, '127.0.0.1');
    await once(http, 'listening');
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
  }, 300_000);

  afterAll(async () => {
    await handler?.close();
    http?.closeAllConnections();
    http?.close();
  });

  async function scenarioChecks(args: string[]): Promise<Map<string, Check[]>> {
    const out = join(cache, 'results', `${Date.now()}-${args.join('-') || 'default'}`);
    await run(node22, [suite, 'server', '--url', url, '-o', out, ...args], {
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => {
      // A failing scenario exits non-zero; the results on disk say which.
      if (!existsSync(out)) throw error;
    });
    const results = new Map<string, Check[]>();
    for (const dir of readdirSync(out, { recursive: true }) as string[]) {
      if (!dir.endsWith('checks.json')) continue;
      results.set(
        dir.replace(/[/\\]?checks\.json$/, ''),
        JSON.parse(readFileSync(join(out, dir), 'utf8')) as Check[],
      );
    }
    return results;
  }

  const failuresOf = (results: Map<string, Check[]>) =>
    [...results].flatMap(([scenario, checks]) =>
      checks
        .filter((c) => c.status === 'FAILURE')
        .map((c) => `${scenario}: ${c.id}: ${c.errorMessage ?? ''}`),
    );

  test('every default server scenario passes', async () => {
    const results = await scenarioChecks([]);
    expect(results.size).toBeGreaterThanOrEqual(30);
    expect(failuresOf(results)).toEqual([]);
  }, 180_000);

  test.each(['json-schema-2020-12', 'server-sse-polling'])(
    '%s passes',
    async (scenario) => {
      const results = await scenarioChecks(['--scenario', scenario]);
      expect(results.size).toBe(1);
      expect(failuresOf(results)).toEqual([]);
    },
    60_000,
  );
});
