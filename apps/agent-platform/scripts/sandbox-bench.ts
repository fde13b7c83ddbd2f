/**
 * Sandbox start-up overhead: how long the real CLI takes to start and answer `initialize`,
 * unconfined and inside the bubblewrap sandbox (bridge included), over N sequential starts.
 *
 *   ./scripts/pnpm --filter @agentsdk/agent-platform bench:sandbox --runs 15
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildArgs, buildEnv } from '@agentsdk/core/internal';
import {
  ClaudeSDKClient,
  discoverCli,
  SubprocessTransport,
  type ClaudeAgentOptions,
} from '@agentsdk/core';
import { createModelServer } from '@agentsdk/testing';
import { ModelProxy } from '../src/proxy/ModelProxy.js';
import { bubblewrapSandbox } from '../src/sandbox/bubblewrapSandbox.js';
import type { SandboxProvider, SandboxSpec } from '../src/sandbox/SandboxProvider.js';
import { unsafeNoSandbox } from '../src/sandbox/unsafeNoSandbox.js';
import { sessionEnv } from '../src/tenancy/sessionEnv.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const root = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const model = await createModelServer({ script: [] });
const proxy = new ModelProxy();
await proxy.start();
const cli = discoverCli({ cwd: process.cwd(), env: {} });

async function startOnce(sandbox: SandboxProvider, i: number): Promise<number> {
  const dir = join(root, `${sandbox.name}-${i}`);
  const dirs = { workspace: join(dir, 'w'), home: join(dir, 'h'), tmp: join(dir, 't') };
  const socketDir = join(dir, 'run');
  for (const d of [...Object.values(dirs), socketDir]) mkdirSync(d, { recursive: true });
  const key = `sk-agentsdk-session-bench-${i}`;
  const release = await proxy.register(
    {
      sessionId: key,
      key,
      upstream: { baseUrl: model.url, apiKey: 'offline' },
      remainingUsd: async () => 1,
      record: async () => undefined,
      budgetExceeded: () => undefined,
    },
    sandbox.isolates ? socketDir : undefined,
  );
  const spec: SandboxSpec = {
    sessionId: key,
    ...dirs,
    readOnly: [join(cli.path, '..')],
    socketDir,
    modelPort: 8080,
  };
  const options: ClaudeAgentOptions = { cwd: dirs.workspace, maxTurns: 1 };
  const env = sessionEnv({
    serverEnv: process.env,
    cliEnv: { CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK: '1' },
    tenantEnv: undefined,
    ...dirs,
    modelBaseUrl: sandbox.modelBaseUrl(spec, proxy.url),
    sessionKey: key,
  });
  const wrapped = sandbox.wrap(spec, cli.command, [...cli.prefixArgs, ...buildArgs(options)]);
  const started = performance.now();
  const client = new ClaudeSDKClient(
    options,
    new SubprocessTransport({
      command: wrapped.command,
      args: wrapped.args,
      cwd: dirs.workspace,
      env: buildEnv(env, {}),
    }),
  );
  await client.connect();
  const elapsed = performance.now() - started;
  await client.disconnect();
  await release();
  return elapsed;
}

const report: Record<string, { p50: number; p90: number; min: number }> = {};
for (const sandbox of [unsafeNoSandbox(), bubblewrapSandbox()]) {
  await sandbox.check();
  await startOnce(sandbox, -1); // warm the page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await startOnce(sandbox, i));
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  report[sandbox.name] = { p50: at(0.5), p90: at(0.9), min: Math.round(times[0]!) };
}
const overhead = report['bubblewrap']!.p50 - report['unsafe-none']!.p50;
console.log(JSON.stringify({ runs, connectMs: report, sandboxOverheadP50Ms: overhead }));
await proxy.close();
await model.close();
rmSync(root, { recursive: true, force: true });
