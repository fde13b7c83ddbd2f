import { fileURLToPath } from 'node:url';
import { buildArgs, buildEnv } from '@agentsdk/core/internal';
import {
  createSubprocessTransport,
  SDK_VERSION,
  type ClaudeAgentOptions,
  type Transport,
  type TransportExit,
  type TransportSink,
} from '@agentsdk/core';
import {
  FIXTURE_FORMAT,
  FIXTURE_VERSION,
  type Fixture,
  type FixtureHeader,
} from '../fixture/Fixture.js';
import { parseFixture } from '../fixture/parseFixture.js';
import type { RedactOptions } from '../fixture/redact.js';
import { finishFixtureText } from '../fixture/serializeFixture.js';
import { summarizeOptions } from '../fixture/summarizeOptions.js';
import { writeFixtureText } from '../fixture/writeFixture.js';

export interface RecordingTransportOptions {
  /** Write the fixture to this file when the CLI exits (atomically). */
  path?: string | URL;
  /** Or receive each line of the finished fixture (header first), when the CLI exits. */
  onLine?: (line: string) => void;
  /**
   * The session's options: the inner transport is built from them (unless `inner` is given),
   * and they are summarised in the header. Pass the same object you give `query()`.
   */
  options?: ClaudeAgentOptions;
  /** The transport to record. Default: `createSubprocessTransport(options)`, the real CLI. */
  inner?: Transport;
  /**
   * Redaction on write (on by default: API keys, bearer tokens, the `ANTHROPIC_*` values of the
   * CLI's environment). Add `home: true` to hide the home directory. `false` turns redaction off;
   * a fixture that still holds a secret is refused either way.
   */
  redact?: RedactOptions | false;
  /** Stored in the header. */
  name?: string;
  description?: string;
  meta?: Record<string, unknown>;
}

/** A transport that records everything passing through it. */
export interface RecordingTransport extends Transport {
  /**
   * Record one stderr line. Wired automatically when the recorder builds the CLI transport; call
   * it from your `stderr` callback when you pass your own `inner`.
   */
  stderr(line: string): void;
  /** The recording so far, unredacted (in memory only). */
  fixture(): Fixture;
  /**
   * Resolves with the fixture as written (redacted) once the CLI has exited and the file is
   * written; rejects with `FixtureError` (`SECRET_IN_FIXTURE`) if the write was refused.
   */
  recorded(): Promise<Fixture>;
}

interface Pending {
  dir: string;
  t: number;
  /** The rest of the line after `"dir":…,` — already JSON. */
  body: string;
}

/**
 * Wrap a transport and record the session: every message in either direction with its
 * direction and time, stderr lines, stdin EOF and the exit. The fixture is written when the CLI
 * exits, redacted and checked for secrets. Use it in place of the transport:
 *
 *   query({ prompt, options, transport: recordingTransport({ path: 'fixtures/x.jsonl', options }) })
 */
export function recordingTransport(options: RecordingTransportOptions = {}): RecordingTransport {
  return new Recorder(options);
}

class Recorder implements RecordingTransport {
  private readonly inner: Transport;
  private readonly pending: Pending[] = [];
  private readonly childEnv: Record<string, string>;
  private t0 = 0;
  private started = false;
  private exited = false;
  private inputEnded = false;
  private cliVersion: string | null = null;
  private outcome: { fixture: Fixture } | { error: unknown } | undefined;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly config: RecordingTransportOptions) {
    const sessionOptions = config.options ?? {};
    this.childEnv = buildEnv(sessionOptions.env);
    this.inner =
      config.inner ??
      createSubprocessTransport({
        ...sessionOptions,
        stderr: (line) => {
          this.stderr(line);
          sessionOptions.stderr?.(line);
        },
      });
  }

  get writable(): boolean {
    return this.inner.writable;
  }

  async start(sink: TransportSink): Promise<void> {
    this.t0 = performance.now();
    this.started = true;
    await this.inner.start({
      message: (message) => {
        this.noteVersion(message);
        this.add('cli->sdk', `"msg":${JSON.stringify(message)}`);
        sink.message(message);
      },
      noise: (line) => {
        this.add('noise', `"text":${JSON.stringify(line)}`);
        sink.noise(line);
      },
      error: (error) => {
        this.add('meta', `"event":"error","message":${JSON.stringify(error.message)}`);
        sink.error(error);
      },
      exit: (info) => this.onExit(info, sink),
    });
  }

  write(message: unknown): Promise<void> {
    if (this.inner.writable) this.add('sdk->cli', `"msg":${JSON.stringify(message)}`);
    return this.inner.write(message);
  }

  endInput(): void {
    if (!this.inputEnded && this.started && !this.exited) {
      this.inputEnded = true;
      this.add('meta', '"event":"end_input"');
    }
    this.inner.endInput();
  }

  close(): Promise<void> {
    if (!this.inputEnded && this.started && !this.exited) {
      this.inputEnded = true;
      this.add('meta', '"event":"close"');
    }
    return this.inner.close();
  }

  stderr(line: string): void {
    this.add('stderr', `"text":${JSON.stringify(line)}`);
  }

  fixture(): Fixture {
    return parseFixture(this.text(), 'recording');
  }

  recorded(): Promise<Fixture> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        const outcome = this.outcome;
        if (!outcome) return;
        if ('fixture' in outcome) resolve(outcome.fixture);
        else reject(outcome.error);
      };
      if (this.outcome) settle();
      else this.waiters.push(settle);
    });
  }

  private add(dir: string, body: string): void {
    this.pending.push({ dir, t: performance.now() - this.t0, body });
  }

  private noteVersion(message: Record<string, unknown>): void {
    if (this.cliVersion !== null) return;
    let version: unknown;
    if (message.type === 'system' && message.subtype === 'init') {
      version = message.claude_code_version;
    } else if (message.type === 'control_response') {
      const payload = (message.response as { response?: { claude_code_version?: unknown } })
        ?.response;
      version = payload?.claude_code_version;
    }
    if (typeof version === 'string') this.cliVersion = version;
  }

  private header(): FixtureHeader {
    const { config } = this;
    return {
      format: FIXTURE_FORMAT,
      version: FIXTURE_VERSION,
      recorded_at: new Date().toISOString(),
      cli_version: this.cliVersion,
      sdk_version: SDK_VERSION,
      options: summarizeOptions(config.options ?? {}),
      ...(config.inner === undefined || config.options !== undefined
        ? { argv: buildArgs(config.options ?? {}) }
        : {}),
      ...(config.name !== undefined ? { name: config.name } : {}),
      ...(config.description !== undefined ? { description: config.description } : {}),
      ...(config.meta !== undefined ? { meta: config.meta } : {}),
    };
  }

  private text(): string {
    const lines = [JSON.stringify(this.header())];
    let seq = 0;
    for (const { dir, t, body } of this.pending) {
      lines.push(`{"seq":${++seq},"t_ms":${Math.round(t * 10) / 10},"dir":"${dir}",${body}}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private onExit(info: TransportExit, sink: TransportSink): void {
    this.exited = true;
    this.add(
      'meta',
      `"event":"exit","exit_code":${JSON.stringify(info.exitCode)},"signal":${JSON.stringify(info.signal)}`,
    );
    try {
      this.outcome = { fixture: this.flush() };
    } catch (error) {
      this.outcome = { error };
      // The consumer of the session sees the refusal (e.g. a secret in the recording).
      sink.error(error instanceof Error ? error : new Error(String(error)));
    }
    for (const settle of this.waiters.splice(0)) settle();
    sink.exit(info);
  }

  private flush(): Fixture {
    const { config } = this;
    const target =
      config.path === undefined
        ? undefined
        : typeof config.path === 'string'
          ? config.path
          : fileURLToPath(config.path);
    const redact = config.redact === false ? false : { env: this.childEnv, ...config.redact };
    const text = finishFixtureText(this.text(), {
      redact,
      check: { env: this.childEnv },
      ...(target !== undefined ? { target } : {}),
    });
    if (target !== undefined) writeFixtureText(target, text);
    if (config.onLine) {
      for (const line of text.split('\n')) if (line !== '') config.onLine(line);
    }
    return parseFixture(text, target ?? 'recording');
  }
}
