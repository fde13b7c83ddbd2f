/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';
import {
  fakeCliPath,
  offlineEnvironment,
  type ModelServer,
  type ModelTurn,
  type OfflineEnvironment,
} from '@agentsdk/testing';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens.js';
import type { Principal } from '../src/domain/Principal.js';
import { startPlatform, type Platform } from '../src/server.js';
import type { PlatformConfig } from '../src/config/PlatformConfig.js';

export const SECRET = 'platform-test-secret-0123456789abcdef';
export const here = dirname(fileURLToPath(import.meta.url));
export const realCli = discoverCli({ cwd: here });
/** The repository: a fake CLI (a Node script) needs its tree, read-only, inside the sandbox. */
export const repoRoot = join(here, '..', '..', '..');

/**
 * The env of `offlineEnvironment()` (the real CLI against its scripted model) without HOME and
 * TMPDIR: the platform gives every session its own.
 */
export function realCliEnv(offline: OfflineEnvironment): Record<string, string | undefined> {
  const { HOME: _home, TMPDIR: _tmp, ...env } = offline.env;
  return env;
}

/** Env for the fake CLI replaying a fixture leniently (our options differ from the recording). */
export function fakeCliEnv(
  fixture = join(here, 'fixtures', 'platform-turn.jsonl'),
): Record<string, string> {
  return {
    AGENTSDK_FIXTURE: fixture,
    AGENTSDK_REPLAY_MODE: 'strict',
    // Generous: a CLI starts when its session is created and waits for the chat; with 200 sessions
    // on two loaded cores that took over 120 s (the load test's wall time was 147 s).
    AGENTSDK_REPLAY_TIMEOUT_MS: '600000',
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
  const offline =
    options.cli === 'real' ? await offlineEnvironment({ script: options.turns ?? [] }) : undefined;
  const server = offline?.server;
  const platform = await startPlatform({
    jwtSecret: SECRET,
    dataDir,
    port: 0,
    cliPath: options.cli === 'real' ? realCli.path : fakeCliPath,
    cliEnv: offline ? realCliEnv(offline) : fakeCliEnv(options.fixture),
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    sandboxReadOnly: options.cli === 'fake' ? [repoRoot] : [],
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
      await offline?.close();
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

/** A process and all its descendants (a sandbox's whole tree), from `ps`. */
export function processTree(root: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || Number.isNaN(pid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/**
 * The platform as its README starts it (`src/main.ts`), as a child process with `env` on top of
 * the test's: what a tenant's process could find in `/proc/<pid>/environ` is really there.
 */
export async function spawnPlatform(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', 'src', 'main.ts')], {
    cwd: join(here, '..'),
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env['PLATFORM_TEST_STDERR']) process.stderr.write(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then((code) =>
      reject(new Error(`platform exited (${code}) before listening:\n${stderr}`)),
    );
  });
  return { url, child, exited };
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
