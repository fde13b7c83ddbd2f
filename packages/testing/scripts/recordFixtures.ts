/**
 * Regenerates the fixture library: runs every scenario of `scenarios.ts` against the real
 * Claude Code CLI and the scripted model server (offline), and records each session to
 * `fixtures/<name>.jsonl` (redacted: API keys, ANTHROPIC_* values, the run's temp paths).
 *
 *   ./scripts/pnpm --filter @agentsdk/testing fixtures:record            # all
 *   ./scripts/pnpm --filter @agentsdk/testing fixtures:record tool-call  # some, by name
 *
 * The CLI is `CLAUDE_CLI_PATH`, else the pinned one of the e2e package. Logs go to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli, query, type ClaudeAgentOptions, type SDKMessage } from '@agentsdk/core';
import { offlineEnvironment, recordingTransport } from '../src/index.js';
import { scenarios, type Scenario } from './scenarios.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(packageDir, '..', '..');
const fixturesDir = join(packageDir, 'fixtures');
async function record(scenario: Scenario, cliPath: string): Promise<string> {
  // The scripted model, a private HOME and TMPDIR; the turns come once the workspace is known.
  const offline = await offlineEnvironment();
  const { root, server } = offline;
  const cwd = offline.workspace('project');
  for (const [name, text] of Object.entries(scenario.files ?? {}))
    writeFileSync(join(cwd, name), text);
  const turns = scenario.turns(cwd);
  server.push(...turns);
  try {
    const session = scenario.session();
    const options: ClaudeAgentOptions = { ...session.options, cliPath, cwd, env: offline.env };
    const transport = recordingTransport({
      path: join(fixturesDir, `${scenario.name}.jsonl`),
      options,
      redact: { home: true, values: { [root]: 'workdir', [repoDir]: 'repo' } },
      name: scenario.name,
      description: scenario.description,
      meta: {
        model_script: {
          turns: JSON.parse(JSON.stringify(turns).split(root).join('<workdir>')) as unknown,
        },
        ...(typeof session.prompt === 'string' ? { prompt: session.prompt } : {}),
      },
    });
    const q = query({ prompt: session.prompt, options, transport });
    const messages: SDKMessage[] = [];
    for await (const message of q) {
      messages.push(message);
      await session.onMessage?.(message, q);
    }
    const fixture = await transport.recorded();
    const exhausted = server.errors.filter((e) => e.code === 'script_exhausted');
    if (exhausted.length > 0) {
      throw new Error(
        `${scenario.name}: the CLI asked for more model turns than scripted (${exhausted.length}).`,
      );
    }
    const results = messages.filter((m) => m.type === 'result').map((m) => m.subtype);
    return `${fixture.records.length} records, results: ${results.join(', ')}${session.seen.length ? `, callbacks: ${session.seen.join(' | ')}` : ''}`;
  } finally {
    await offline.close();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stderr.write(
      'Usage: fixtures:record [name…]\nRecords fixtures/<name>.jsonl for each scenario (all when none is named).\n' +
        `Scenarios: ${scenarios.map((s) => s.name).join(', ')}\n`,
    );
    return;
  }
  // CLAUDE_CLI_PATH, else the pinned CLI of the e2e package; CLINotFoundError says where it looked.
  const cliPath = discoverCli({ searchFrom: [join(repoDir, 'e2e')] }).path;
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}.`);
  const selected = names.length ? scenarios.filter((s) => names.includes(s.name)) : scenarios;
  mkdirSync(fixturesDir, { recursive: true });
  for (const scenario of selected) {
    const t0 = performance.now();
    const summary = await record(scenario, cliPath);
    process.stderr.write(
      `recorded fixtures/${scenario.name}.jsonl in ${Math.round(performance.now() - t0)} ms: ${summary}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fixtures:record failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
