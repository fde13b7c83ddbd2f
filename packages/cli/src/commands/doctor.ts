import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import {
  CLINotFoundError,
  cliVersion,
  discoverCli,
  MIN_CLI_VERSION,
  query,
  type CliCommand,
} from '@agentsdk/core';
import { compareVersions } from '@agentsdk/core/internal';
import { offlineEnvironment } from '@agentsdk/testing';
import { cliDependencyCheck } from './cliDependencyCheck.js';
import { line, painter, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';

export const DOCTOR_HELP = `Usage: agentsdk doctor [--smoke] [--json] [--cli <path>]

Check what agentsdk needs: Node.js, the Claude Code CLI (where, which version, whether it is the
npm placeholder whose install step did not run), and with --smoke a real session of the CLI
against a local scripted model (offline: no API key, no network).

Options:
  --smoke       run the offline smoke session
  --json        print {"ok","checks":[{"name","status","detail","fix"}]} on stdout
  --cli <path>  check this CLI instead of the discovered one
  -h, --help    show this help

Exit codes: 0 all good (warnings allowed), 1 something is missing or broken, 2 bad usage.
`;

export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

const MIN_NODE = '20.19.0';
const PLACEHOLDER_MAX_BYTES = 64 * 1024;

/** Run the checks; `smoke` adds a session of the CLI against a scripted model server. */
export async function doctor(
  options: { smoke?: boolean; cliPath?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<DoctorCheck[]> {
  const env = options.env ?? process.env;
  const checks: DoctorCheck[] = [];
  const node = process.versions.node;
  checks.push(
    compareVersions(node, MIN_NODE) >= 0
      ? { name: 'node', status: 'ok', detail: `Node.js ${node}` }
      : {
          name: 'node',
          status: 'fail',
          detail: `Node.js ${node} is older than ${MIN_NODE}.`,
          fix: `Install Node.js ${MIN_NODE} or newer (https://nodejs.org).`,
        },
  );
  for (const path of placeholdersOnPath(env)) {
    checks.push({
      name: 'placeholder',
      status: 'warn',
      detail: `${path} is the npm package's placeholder binary: its install step did not run.`,
      fix: 'Run `npm rebuild @anthropic-ai/claude-code` (or reinstall it without --ignore-scripts).',
    });
  }
  let cli: CliCommand | undefined;
  try {
    // Report for the project in the current directory: its node_modules, then PATH and known
    // dirs — not this tool's own install, which may carry a CLI the project does not have.
    cli = discoverCli({
      env,
      searchFrom: [process.cwd()],
      ...(options.cliPath !== undefined && { cliPath: options.cliPath }),
    });
    checks.push({
      name: 'cli',
      status: 'ok',
      detail: `Claude Code CLI at ${cli.path} (from ${cli.source})`,
    });
    const dependency = cliDependencyCheck(process.cwd(), cli);
    if (dependency) checks.push(dependency);
  } catch (error) {
    if (!CLINotFoundError.is(error)) throw error;
    checks.push({
      name: 'cli',
      status: 'fail',
      detail: (error as Error).message,
      fix: 'Install it with `npm i -D @anthropic-ai/claude-code`, or set CLAUDE_CLI_PATH.',
    });
  }
  if (cli) {
    const version = await cliVersion(cli);
    if (version === undefined) {
      checks.push({
        name: 'cli-version',
        status: 'fail',
        detail: `${cli.path} --version did not answer.`,
        fix: 'Reinstall the CLI: `npm i -D @anthropic-ai/claude-code`.',
      });
    } else if (compareVersions(version, MIN_CLI_VERSION) < 0) {
      checks.push({
        name: 'cli-version',
        status: 'warn',
        detail: `CLI ${version} is older than ${MIN_CLI_VERSION}, the oldest agentsdk is tested with.`,
        fix: 'Update it: `npm i -D @anthropic-ai/claude-code@latest`.',
      });
    } else {
      checks.push({ name: 'cli-version', status: 'ok', detail: `CLI ${version}` });
    }
    if (options.smoke) checks.push(await smoke(cli));
  }
  return checks;
}

function placeholdersOnPath(env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, 'claude');
    try {
      if (!existsSync(path) || statSync(path).size > PLACEHOLDER_MAX_BYTES) continue;
      const fd = openSync(path, 'r');
      const head = Buffer.alloc(2);
      readSync(fd, head, 0, 2, 0);
      closeSync(fd);
      if (head.toString() !== '#!') found.push(path); // a small binary that is not a script shim
    } catch {
      // unreadable: not ours to judge
    }
  }
  return found;
}

async function smoke(cli: CliCommand): Promise<DoctorCheck> {
  const expected = 'agentsdk doctor: smoke test passed.';
  // The public offline mode of @agentsdk/testing: scripted model, private HOME and TMPDIR.
  const offline = await offlineEnvironment({
    script: [{ content: [{ type: 'text', text: expected }] }],
  });
  const started = performance.now();
  try {
    let result: string | undefined;
    for await (const message of query({
      prompt: 'Say the smoke test line.',
      options: {
        cliPath: cli.path,
        cwd: offline.workspace('project'),
        env: offline.env,
      },
    })) {
      if (message.type === 'result')
        result = message.subtype === 'success' ? message.result : `error: ${message.subtype}`;
    }
    const ms = Math.round(performance.now() - started);
    return result === expected
      ? { name: 'smoke', status: 'ok', detail: `An offline session ran end to end in ${ms} ms.` }
      : {
          name: 'smoke',
          status: 'fail',
          detail: `The offline session ended with ${JSON.stringify(result)}.`,
          fix: 'Run `agentsdk doctor --smoke` with DEBUG=1 claude… or reinstall the CLI.',
        };
  } catch (error) {
    return {
      name: 'smoke',
      status: 'fail',
      detail: `The offline session failed: ${(error as Error).message}`,
      fix: 'Reinstall the CLI: `npm i -D @anthropic-ai/claude-code`.',
    };
  } finally {
    await offline.close();
  }
}

export async function runDoctor(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags('agentsdk doctor', args, {
    smoke: { type: 'boolean' },
    json: { type: 'boolean' },
    cli: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(DOCTOR_HELP);
    return 0;
  }
  const checks = await doctor({
    smoke: values.smoke ?? false,
    env: io.env,
    ...(values.cli !== undefined && { cliPath: resolve(io.cwd, values.cli) }),
  });
  const ok = checks.every((c) => c.status !== 'fail');
  if (values.json) {
    line(io.stdout, JSON.stringify({ ok, checks }, null, 2));
  } else {
    const paint = painter(io.stdout, io.env);
    const mark = { ok: paint('green', '✔'), warn: paint('yellow', '!'), fail: paint('red', '✘') };
    for (const check of checks) {
      line(io.stdout, `${mark[check.status]} ${check.name}: ${check.detail}`);
      if (check.fix) line(io.stdout, `  fix: ${check.fix}`);
    }
  }
  return ok ? 0 : 1;
}
