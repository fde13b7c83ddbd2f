/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';
import {
  createModelServer,
  fakeCliPath,
  type ModelServer,
  type ModelTurn,
} from '@agentsdk/testing';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens.js';
import type { Principal } from '../src/auth/Principal.js';
import { startPlatform, type Platform } from '../src/server.js';
import type { PlatformConfig } from '../src/config.js';

export const SECRET = 'platform-test-secret-0123456789abcdef';
export const here = dirname(fileURLToPath(import.meta.url));
export const realCli = discoverCli({ cwd: here });

/** Env pointing the real CLI at a scripted model server, offline. */
export function realCliEnv(server: ModelServer): Record<string, string | undefined> {
  return {
    ANTHROPIC_API_KEY: 'sk-test-offline',
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_AUTH_TOKEN: undefined,
    CLAUDE_CODE_MAX_RETRIES: '0',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
  };
}

/** Env for the fake CLI replaying a fixture leniently (our options differ from the recording). */
export function fakeCliEnv(
  fixture = join(here, 'fixtures', 'platform-turn.jsonl'),
): Record<string, string> {
  return {
    AGENTSDK_FIXTURE: fixture,
    AGENTSDK_REPLAY_MODE: 'strict',
    // Generous: under load (200 CLIs starting on two cores) the SDK side can be slow to write.
    AGENTSDK_REPLAY_TIMEOUT_MS: '120000',
    // The fake CLI has no package version; spare the `--version` process core would start.
    CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK: '1',
  };
}

export interface TestPlatform {
  platform: Platform;
  dataDir: string;
  server: ModelServer | undefined;
  token(p: Partial<Principal> & { userId: string }, expiresIn?: string | number): Promise<string>;
  api(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function testPlatform(options: {
  cli: 'real' | 'fake';
  turns?: ModelTurn[];
  fixture?: string;
  config?: Partial<PlatformConfig>;
  dataDir?: string;
}): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'agent-platform-'));
  const server =
    options.cli === 'real' ? await createModelServer({ script: options.turns ?? [] }) : undefined;
  const platform = await startPlatform({
    jwtSecret: SECRET,
    dataDir,
    port: 0,
    cliPath: options.cli === 'real' ? realCli.path : fakeCliPath,
    cliEnv: server ? realCliEnv(server) : fakeCliEnv(options.fixture),
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    metricsToken: METRICS_TOKEN,
    // Out of the way of tests that are not about rate limits (the load test makes 600 requests).
    userRateLimit: { perMinute: 60_000, burst: 10_000 },
    tenantRateLimit: { perMinute: 60_000, burst: 10_000 },
    ...options.config,
  });
  return {
    platform,
    dataDir,
    server,
    token: (p, expiresIn) => signToken(SECRET, { tenantId: 'acme', tier: 'pro', ...p }, expiresIn),
    api: (token, method, path, body) => api(platform.url, token, method, path, body),
    async close() {
      await platform.close();
      await server?.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A WebSocket on a session's stream that collects frames and lets a test wait for one. */
export async function openStream(base: string, token: string, sessionId: string, lastEventId = 0) {
  const url = `${base.replace('http', 'ws')}/api/sessions/${sessionId}/stream?lastEventId=${lastEventId}`;
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const frames: any[] = [];
  const waiters: Array<{ test: (f: any) => boolean; resolve: (f: any) => void }> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.test(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
  });
  return {
    ws,
    frames,
    next(test: (f: any) => boolean, timeoutMs = 30_000): Promise<any> {
      const found = frames.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('timed out waiting for a frame')),
          timeoutMs,
        );
        waiters.push({ test, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) =>
        ws.readyState === ws.CLOSED ? resolve() : (ws.once('close', () => resolve()), ws.close()),
      ),
  };
}

/**
 * Child processes of this test process that are still alive. Zombies (state Z: exited, waiting
 * for the event loop to reap them) are not alive.
 */
export function liveChildren(): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,args=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    return [];
  }
  return (
    out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([pid, stat, ...args]) => pid && !stat?.startsWith('Z') && args.join(' ') !== '')
      .filter(([, , ...args]) => !/^ps -o\b/.test(args.join(' ')))
      // A running platform's watchdog (checked on its own by `watchdogs()`).
      .filter(([, , ...args]) => !WATCHDOG.test(args.join(' ')))
      .map(([pid]) => Number.parseInt(pid!, 10))
  );
}

export const METRICS_TOKEN = 'metrics-test-token-0123456789';

/** `GET /metrics` (or another operator route) with the metrics token. */
export async function operatorGet(base: string, path = '/metrics'): Promise<Response> {
  return fetch(base + path, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
}

const WATCHDOG = /lifecycle\/watchdog\.ts\b/;

/** Watchdog processes (`src/lifecycle/watchdog.ts`) of this test process: none once closed. */
export function watchdogs(): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,args=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    return [];
  }
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(
      ([pid, stat, ...args]) => pid && !stat?.startsWith('Z') && WATCHDOG.test(args.join(' ')),
    )
    .map(([pid]) => Number.parseInt(pid!, 10));
}
