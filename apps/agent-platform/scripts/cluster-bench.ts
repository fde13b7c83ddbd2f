/**
 * Cluster benchmark with the fake CLI (reported, not asserted): turns per second on one node
 * and on three, and the latency a forwarded request adds. Needs PostgreSQL and Redis as
 * scripts/ci-setup.sh starts them (or DATABASE_URL_TEST / REDIS_URL_TEST).
 *
 *   ./scripts/pnpm --filter @agentsdk/agent-platform bench:cluster [--sessions 60] [--samples 15]
 */
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens.js';
import { clusterMissing, startCluster, type Node } from '../test/clusterHelpers.js';
import { api, SECRET } from '../test/helpers.js';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '60' },
    samples: { type: 'string', default: '15' },
  },
});
const SESSIONS = Number(values.sessions);
const SAMPLES = Number(values.samples);

const p50 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function token(i: number): Promise<string> {
  return signToken(SECRET, { userId: `bench${i}`, tenantId: `t${i % 5}`, tier: 'enterprise' });
}

/** Creates `SESSIONS` sessions spread over `nodes`, then runs one turn on each at once. */
async function throughput(nodes: Node[]): Promise<number> {
  const sessions = await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const node = nodes[i % nodes.length]!;
      const t = await token(i);
      const created = await api(node.url, t, 'POST', '/api/sessions', {});
      if (created.status !== 201) throw new Error(`create ${created.status}`);
      return { node, t, id: created.body.id as string };
    }),
  );
  const started = Date.now();
  await Promise.all(
    sessions.map(async (s) => {
      const turn = await api(s.node.url, s.t, 'POST', `/api/sessions/${s.id}/chat`, {
        message: 'Say hello',
      });
      if (turn.status !== 200) throw new Error(`chat ${turn.status}`);
    }),
  );
  const turnsPerSecond = SESSIONS / ((Date.now() - started) / 1000);
  await Promise.all(sessions.map((s) => api(s.node.url, s.t, 'DELETE', `/api/sessions/${s.id}`)));
  return turnsPerSecond;
}

/** One turn at a time on sessions owned by A: asked on A (local) or on B (forwarded). */
async function forwarding(a: Node, b: Node): Promise<{ localMs: number; forwardedMs: number }> {
  const local: number[] = [];
  const forwarded: number[] = [];
  for (let i = 0; i < SAMPLES * 2; i++) {
    const t = await token(1000 + i);
    const created = await api(a.url, t, 'POST', '/api/sessions', {});
    const via = i % 2 === 0 ? a : b;
    const t0 = performance.now();
    const turn = await api(via.url, t, 'POST', `/api/sessions/${created.body.id}/chat`, {
      message: 'Say hello',
    });
    const ms = performance.now() - t0;
    if (turn.status !== 200) throw new Error(`chat ${turn.status}`);
    (via === a ? local : forwarded).push(ms);
    await api(a.url, t, 'DELETE', `/api/sessions/${created.body.id}`);
  }
  return { localMs: p50(local), forwardedMs: p50(forwarded) };
}

if (clusterMissing) process.exit(1);
const env = { PLATFORM_LEASE_TTL_MS: '30000' };
const one = await startCluster(1, env);
let report: Record<string, unknown> = {};
try {
  report.turnsPerSecond1Node = Number((await throughput(one.nodes)).toFixed(1));
} finally {
  await one.close();
}
const three = await startCluster(3, env);
try {
  report.turnsPerSecond3Nodes = Number((await throughput(three.nodes)).toFixed(1));
  const { localMs, forwardedMs } = await forwarding(three.nodes[0]!, three.nodes[1]!);
  report = {
    ...report,
    turnP50LocalMs: Math.round(localMs),
    turnP50ForwardedMs: Math.round(forwardedMs),
    forwardingAddsMs: Math.round(forwardedMs - localMs),
  };
} finally {
  await three.close();
}
console.log(JSON.stringify({ sessions: SESSIONS, samples: SAMPLES, ...report }, null, 2));
