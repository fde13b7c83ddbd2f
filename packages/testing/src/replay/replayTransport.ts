import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CLIConnectionError,
  type ClaudeAgentOptions,
  type Transport,
  type TransportSink,
} from '@agentsdk/core';
import type { Fixture } from '../fixture/Fixture.js';
import { FixtureError } from '../fixture/FixtureError.js';
import { readFixture } from '../fixture/readFixture.js';
import type { RedactOptions } from '../fixture/redact.js';
import { recordingTransport } from '../record/recordingTransport.js';
import type { Divergence } from './Divergence.js';
import type { ValueMatcher } from './matchers.js';
import { ReplayDivergenceError } from './ReplayDivergenceError.js';
import { ReplayEngine } from './ReplayEngine.js';
import type { ReplayAnswer, ReplayReport } from './ReplayReport.js';
import { shouldUpdateFixtures } from './shouldUpdateFixtures.js';

export type ReplayMode = 'strict' | 'lenient' | 'update';

export interface ReplayTransportOptions {
  /**
   * `strict` (default): the first divergence fails the session with a `ReplayDivergenceError`
   * (a readable diff). `lenient`: divergences are only collected (`divergences`). `update`:
   * strict, except that with `AGENTSDK_UPDATE_FIXTURES=1` (and no `CI`) the session runs live
   * against the real CLI (`live` options) and the fixture file is re-recorded.
   */
  mode?: ReplayMode;
  /** Extra comparison rules for the SDK's writes (see `ignoreKeys`, `ignorePaths`). */
  matchers?: readonly ValueMatcher[];
  /** How long to wait for each write the recording expects. Default 5000 ms; 0 waits forever. */
  timeoutMs?: number;
  /** Receives the recorded stderr lines. */
  stderr?: (line: string) => void;
  /** Update mode: the options of the live session (`cliPath`, `env`, …). */
  live?: ClaudeAgentOptions;
  /** Update mode: redaction of the new recording (see `recordingTransport`). */
  redact?: RedactOptions | false;
  /** Where `AGENTSDK_UPDATE_FIXTURES` and `CI` are read. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A transport that plays a recorded CLI session (or, in update mode, records a new one). */
export interface ReplayTransport extends Transport {
  /** `recording` when update mode is re-recording the fixture from a live run. */
  readonly mode: 'strict' | 'lenient' | 'recording';
  /** The fixture being replayed (`undefined` while recording). */
  readonly fixture: Fixture | undefined;
  /** Divergences so far. */
  readonly divergences: readonly Divergence[];
  /** Each control request of the CLI and the SDK's answer in this run. */
  readonly answers: readonly ReplayAnswer[];
  /** Resolves when the replay has ended (the recorded exit, or `close()`). */
  finished(): Promise<ReplayReport>;
  /** Throws a `ReplayDivergenceError` listing every divergence so far, if there is any. */
  assertNoDivergences(): void;
}

const STDERR_TAIL_LINES = 100;

/**
 * Play the CLI side of a fixture against the SDK — no CLI, no network:
 *
 *   query({ prompt, options, transport: replayTransport('fixtures/tool-call.jsonl') })
 *
 * The CLI's messages are delivered in order; the CLI's control requests (permission asks,
 * hook callbacks, MCP tool calls) reach your real callbacks and tools; every message the SDK
 * writes is compared with the recording (ids, uuids, session ids and timestamps normalised).
 */
export function replayTransport(
  fixture: Fixture | string | URL,
  options: ReplayTransportOptions = {},
): ReplayTransport {
  const mode = options.mode ?? 'strict';
  if (mode === 'update' && shouldUpdateFixtures(options.env)) {
    return updatingTransport(fixture, options);
  }
  const loaded =
    typeof fixture === 'object' && !(fixture instanceof URL) ? fixture : readFixture(fixture);
  return new Replay(loaded, mode === 'lenient' ? 'lenient' : 'strict', options);
}

class Replay implements ReplayTransport {
  private engine: ReplayEngine | undefined;
  private readonly stderrTail: string[] = [];
  private finishedWaiters: Array<(report: ReplayReport) => void> = [];

  constructor(
    readonly fixture: Fixture,
    readonly mode: 'strict' | 'lenient',
    private readonly options: ReplayTransportOptions,
  ) {}

  get writable(): boolean {
    const engine = this.engine;
    return engine !== undefined && !engine.isFinished && !engine.isInputEnded;
  }

  get divergences(): readonly Divergence[] {
    return this.engine?.divergences ?? [];
  }

  get answers(): readonly ReplayAnswer[] {
    return this.engine?.answers ?? [];
  }

  start(sink: TransportSink): Promise<void> {
    if (this.engine) {
      return Promise.reject(new CLIConnectionError('This replay transport was already started.'));
    }
    const { options } = this;
    const engine = new ReplayEngine(
      this.fixture,
      {
        message: (message) => sink.message(message),
        noise: (line) => sink.noise(line),
        stderr: (line) => {
          this.stderrTail.push(line);
          if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
          options.stderr?.(line);
        },
        error: (message) => sink.error(new CLIConnectionError(`(recorded) ${message}`)),
        exit: (exitCode, signal) =>
          sink.exit({ exitCode, signal, stderrTail: this.stderrTail.join('\n') }),
        fail: (error) => sink.error(error),
      },
      {
        strict: this.mode === 'strict',
        matchers: options.matchers ?? [],
        timeoutMs: options.timeoutMs ?? 5000,
      },
    );
    this.engine = engine;
    for (const resolve of this.finishedWaiters.splice(0)) {
      void engine.finishedReport().then(resolve);
    }
    engine.start();
    return Promise.resolve();
  }

  write(message: unknown): Promise<void> {
    const engine = this.engine;
    if (!engine || engine.isFinished || engine.isInputEnded) {
      return Promise.reject(
        new CLIConnectionError(
          engine?.isFinished
            ? 'Cannot write to the CLI: the process has exited (the recording ended).'
            : 'Cannot write to the CLI: its input is closed (endInput() was called) or it was never started.',
        ),
      );
    }
    engine.write(message);
    return Promise.resolve();
  }

  endInput(): void {
    this.engine?.endInput();
  }

  close(): Promise<void> {
    this.engine?.close();
    return Promise.resolve();
  }

  finished(): Promise<ReplayReport> {
    const engine = this.engine;
    if (engine) return engine.finishedReport();
    return new Promise((resolve) => this.finishedWaiters.push(resolve));
  }

  assertNoDivergences(): void {
    if (this.divergences.length > 0) throw new ReplayDivergenceError(this.divergences);
  }
}

/** Update mode, switched on: run live and write the fixture file anew. */
function updatingTransport(
  fixture: Fixture | string | URL,
  options: ReplayTransportOptions,
): ReplayTransport {
  if (typeof fixture === 'object' && !(fixture instanceof URL)) {
    throw new FixtureError(
      'UPDATE_NOT_POSSIBLE',
      'AGENTSDK_UPDATE_FIXTURES is set but replayTransport() got a parsed fixture: pass the fixture file path so it can be re-recorded.',
    );
  }
  if (!options.live) {
    throw new FixtureError(
      'UPDATE_NOT_POSSIBLE',
      `AGENTSDK_UPDATE_FIXTURES is set but replayTransport(${JSON.stringify(String(fixture))}) has no \`live\` options to run the real CLI with. Pass \`live: { cliPath, env, … }\`.`,
    );
  }
  const path = typeof fixture === 'string' ? fixture : fileURLToPath(fixture);
  // Keep the name, description and meta of the fixture being replaced.
  const old = existsSync(path) ? safeRead(path) : undefined;
  const recorder = recordingTransport({
    path,
    options: options.live,
    ...(options.redact !== undefined ? { redact: options.redact } : {}),
    ...(old?.header.name !== undefined ? { name: old.header.name } : {}),
    ...(old?.header.description !== undefined ? { description: old.header.description } : {}),
    ...(old?.header.meta !== undefined ? { meta: old.header.meta } : {}),
  });
  return {
    mode: 'recording',
    fixture: undefined,
    divergences: [],
    answers: [],
    get writable() {
      return recorder.writable;
    },
    start: (sink) => recorder.start(sink),
    write: (message) => recorder.write(message),
    endInput: () => recorder.endInput(),
    close: () => recorder.close(),
    finished: () =>
      recorder.recorded().then((recorded): ReplayReport => ({
        divergences: [],
        answers: [],
        delivered: recorded.records.filter((r) => r.dir === 'cli->sdk').length,
        written: recorded.records.filter((r) => r.dir === 'sdk->cli').length,
        complete: true,
      })),
    assertNoDivergences: () => {},
  };
}

function safeRead(path: string): Fixture | undefined {
  try {
    return readFixture(path);
  } catch {
    return undefined;
  }
}
