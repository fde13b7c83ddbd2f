#!/usr/bin/env node
/**
 * The fake Claude Code CLI: plays a fixture as a child process speaking stream-json on stdio.
 * Pass it as `cliPath` (it is a JavaScript file; the SDK runs it with the current Node):
 *
 *   query({ prompt, options: { cliPath: fakeCliPath, env: { AGENTSDK_FIXTURE: 'fixtures/x.jsonl' } } })
 *
 * Env: AGENTSDK_FIXTURE (the fixture file, required), AGENTSDK_REPLAY_MODE (`strict`, the
 * default, or `lenient`), AGENTSDK_REPLAY_TIMEOUT_MS (wait bound per expected write, 5000),
 * AGENTSDK_FAKE_MODEL_REQUESTS=1 (before playing each user message, send one Messages request
 * to ANTHROPIC_BASE_URL as the real CLI would, so a metering proxy in between sees a model
 * request per turn; its answer is not used).
 * Flags are accepted and ignored, except `--version`. A strict divergence is printed on stderr
 * and ends the process with exit code 3; lenient divergences are printed on stderr at the end.
 */
import { FixtureError } from '../fixture/FixtureError.js';
import type { Fixture } from '../fixture/Fixture.js';
import { readFixture } from '../fixture/readFixture.js';
import { ReplayEngine } from '../replay/ReplayEngine.js';
import { modelRequest } from './modelRequest.js';

/** Exit code of a strict divergence. */
const DIVERGED = 3;
/** Exit code of bad usage (no or unreadable fixture). */
const USAGE = 2;
const FLUSH_BYTES = 1 << 20;

function main(): void {
  const env = process.env;
  const path = env.AGENTSDK_FIXTURE;
  let fixture: Fixture | undefined;
  try {
    fixture = path ? readFixture(path) : undefined;
  } catch (error) {
    process.stderr.write(
      `agentsdk fake CLI: ${FixtureError.is(error) ? error.message : String(error)}\n`,
    );
    process.exit(USAGE);
  }
  if (process.argv.includes('--version') || process.argv.includes('-v')) {
    const version = fixture?.header.cli_version;
    process.stdout.write(
      version ? `${version} (agentsdk fake CLI)\n` : 'agentsdk fake CLI (no AGENTSDK_FIXTURE)\n',
    );
    return;
  }
  if (!fixture) {
    process.stderr.write(
      'agentsdk fake CLI: set AGENTSDK_FIXTURE to the fixture file to play (e.g. in options.env).\n',
    );
    process.exit(USAGE);
  }
  play(fixture, env);
}

function play(fixture: Fixture, env: NodeJS.ProcessEnv): void {
  const strict = env.AGENTSDK_REPLAY_MODE !== 'lenient';
  const timeout = Number(env.AGENTSDK_REPLAY_TIMEOUT_MS ?? 5000);
  let out = '';
  const flush = (): void => {
    if (out === '') return;
    process.stdout.write(out);
    out = '';
  };
  const exit = (code: number | null, signal: string | null): void => {
    flush();
    if (!strict) {
      for (const d of engine.divergences) process.stderr.write(`agentsdk fake CLI: ${d.message}\n`);
    }
    // Let stdout drain, then end like the recorded CLI did.
    process.stdout.write('', () => {
      if (signal) process.kill(process.pid, signal as NodeJS.Signals);
      else process.exit(code ?? 0);
    });
  };
  const engine = new ReplayEngine(
    fixture,
    {
      message: (message) => {
        out += `${JSON.stringify(message)}\n`;
        if (out.length > FLUSH_BYTES) flush();
      },
      noise: (line) => {
        out += `${line}\n`;
      },
      stderr: (line) => {
        flush();
        process.stderr.write(`${line}\n`);
      },
      error: (message) =>
        process.stderr.write(`agentsdk fake CLI: (recorded stream error) ${message}\n`),
      exit,
      fail: (error) => {
        flush();
        process.stderr.write(`agentsdk fake CLI: ${error.message}\n`);
        process.stdout.write('', () => process.exit(DIVERGED));
      },
      flush,
    },
    { strict, matchers: [], timeoutMs: Number.isFinite(timeout) ? timeout : 5000 },
  );

  // With model requests, stdin lines reach the engine in order through a queue, a user message
  // after its request; without, at once as they arrive.
  const request = env.AGENTSDK_FAKE_MODEL_REQUESTS === '1' ? modelRequest(env) : undefined;
  let inOrder: Promise<void> = Promise.resolve();
  const write = (message: unknown): void => {
    if (!request) return engine.write(message);
    inOrder = inOrder.then(async () => {
      if (isUserMessage(message)) await request(message);
      engine.write(message);
    });
  };
  const endInput = (): void => {
    if (request) void inOrder.then(() => engine.endInput());
    else engine.endInput();
  };
  let buffer = '';
  const onLine = (line: string): void => {
    if (line.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      // As the real CLI does (docs/protocol.md §7): a non-JSON stdin line is fatal.
      process.stderr.write(
        `Error parsing streaming input line (type=unknown, ${line.length} chars): SyntaxError\n`,
      );
      process.exit(1);
    }
    write(message);
  };
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffer += chunk;
    let start = 0;
    for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n', start)) {
      onLine(buffer.slice(start, i));
      start = i + 1;
    }
    buffer = buffer.slice(start);
  });
  process.stdin.on('end', () => {
    if (buffer !== '') onLine(buffer);
    buffer = '';
    endInput();
  });
  process.stdin.on('error', endInput);
  engine.start();
}

function isUserMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'user'
  );
}

main();
