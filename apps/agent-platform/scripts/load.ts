/**
 * Load-test client: many simulated users, each creating a session over HTTP, running turns over
 * the WebSocket stream and ending the session. Reports latency percentiles, errors and cost.
 *
 *   PLATFORM_JWT_SECRET=… node --import tsx scripts/load.ts --url http://127.0.0.1:8787 --users 50 --turns 2
 */
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8787' },
    users: { type: 'string', default: '20' },
    turns: { type: 'string', default: '1' },
    tenants: { type: 'string', default: '5' },
    tier: { type: 'string', default: 'enterprise' },
    message: { type: 'string', default: 'Say hello' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.error(
    'Usage: scripts/load.ts [--url U] [--users N] [--turns N] [--tenants N] [--tier T] [--message M]',
  );
  process.exit(0);
}
const secret = process.env['PLATFORM_JWT_SECRET'];
if (!secret) {
  console.error("Set PLATFORM_JWT_SECRET (the server's) to mint test tokens.");
  process.exit(2);
}
const base = values.url;
const users = Number(values.users);
const turns = Number(values.turns);
const latencies: number[] = [];
const errors: string[] = [];
let cost = 0;

function turnOver(ws: WebSocket, message: string): Promise<{ costUsd: number; isError: boolean }> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as {
        kind?: string;
        costUsd?: number;
        isError?: boolean;
        error?: { code: string };
      };
      if (frame.kind === 'turn_outcome') {
        ws.off('message', onMessage);
        resolve({ costUsd: frame.costUsd ?? 0, isError: !!frame.isError });
      } else if (frame.kind === 'error') {
        ws.off('message', onMessage);
        reject(new Error(frame.error?.code));
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'chat', message }));
  });
}

async function user(i: number): Promise<void> {
  const token = await signToken(secret!, {
    userId: `load${i}`,
    tenantId: `loadtenant${i % Number(values.tenants)}`,
    tier: values.tier as 'enterprise',
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/api/sessions`, { method: 'POST', headers, body: '{}' });
  const session = (await created.json()) as { id: string; error?: { code: string } };
  if (!created.ok) throw new Error(`create: ${created.status} ${session.error?.code}`);
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/sessions/${session.id}/stream`, {
    headers,
  });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  try {
    for (let t = 0; t < turns; t++) {
      const started = performance.now();
      const outcome = await turnOver(ws, values.message);
      latencies.push(performance.now() - started);
      cost += outcome.costUsd;
      if (outcome.isError) errors.push('turn is_error');
    }
  } finally {
    ws.close();
    await fetch(`${base}/api/sessions/${session.id}`, { method: 'DELETE', headers });
  }
}

const started = performance.now();
await Promise.all(
  Array.from({ length: users }, (_, i) =>
    user(i).catch((e: unknown) => void errors.push(String(e))),
  ),
);
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN,
  );
console.log(
  JSON.stringify({
    users,
    turns: latencies.length,
    errors: errors.length,
    firstErrors: errors.slice(0, 3),
    wallMs: Math.round(performance.now() - started),
    latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: pct(100) },
    costUsd: cost,
  }),
);
process.exit(errors.length ? 1 : 0);
