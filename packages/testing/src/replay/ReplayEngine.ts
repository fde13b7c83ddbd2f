import type { Fixture, FixtureRecord } from '../fixture/Fixture.js';
import { compareWrite } from './compareWrite.js';
import { describeWrite, formatDifferences, show } from './describeWrite.js';
import type { Divergence } from './Divergence.js';
import type { ValueMatcher } from './matchers.js';
import { writeDivergedRecording } from './divergedRecording.js';
import { ReplayDivergenceError } from './ReplayDivergenceError.js';
import type { ReplayAnswer, ReplayReport } from './ReplayReport.js';

/** The SDK side, as the engine sees it (a transport sink, or a fake CLI's stdout). */
export interface ReplayPeer {
  message(message: Record<string, unknown>): void;
  noise(line: string): void;
  stderr(line: string): void;
  /** A recorded stream error. */
  error(message: string): void;
  /** The recorded CLI exited (or the replay was closed). Called once. */
  exit(exitCode: number | null, signal: string | null): void;
  /** Strict mode: the first divergence. */
  fail(error: ReplayDivergenceError): void;
  /** Playback paused or ended: a chance to flush buffered output. */
  flush?(): void;
}

export interface ReplayEngineOptions {
  strict: boolean;
  matchers: readonly ValueMatcher[];
  /** Bound on each wait for a write the recording expects; 0 or Infinity waits forever. */
  timeoutMs: number;
}

/**
 * Plays the CLI side of a fixture. Delivers the CLI's messages in order and stops wherever the
 * recording has the SDK write something (or close stdin) until the SDK does; each write is
 * matched to its recorded counterpart (by request id, subtype or type, within the run of writes
 * expected next, then further ahead) and compared. Knows nothing of transports or processes.
 */
export class ReplayEngine {
  readonly divergences: Divergence[] = [];
  readonly answers: ReplayAnswer[] = [];
  private readonly records: readonly FixtureRecord[];
  private readonly consumed: Uint8Array;
  private readonly source: string;
  private cursor = 0;
  /** Recorded id of one of the SDK's control requests → the id the SDK used now. */
  private readonly idMap = new Map<string, string>();
  /** The CLI's control requests delivered so far, by id. */
  private readonly cliRequests = new Map<string, Record<string, unknown>>();
  private readonly answerIndex = new Map<string, number>();
  private inputEnded = false;
  private endAssumed = false;
  private finished = false;
  private failed = false;
  private complete = false;
  private pumping = false;
  private scheduled = false;
  private delivered = 0;
  private written = 0;
  private timer: { index: number; handle: ReturnType<typeof setTimeout> } | undefined;
  private readonly finishWaiters: Array<(report: ReplayReport) => void> = [];

  constructor(
    private readonly fixture: Fixture,
    private readonly peer: ReplayPeer,
    private readonly options: ReplayEngineOptions,
  ) {
    this.records = fixture.records;
    this.consumed = new Uint8Array(fixture.records.length);
    this.source = fixture.source ?? fixture.header.name ?? 'fixture';
  }

  get isFinished(): boolean {
    return this.finished;
  }

  get isInputEnded(): boolean {
    return this.inputEnded;
  }

  start(): void {
    this.pump();
  }

  /** The SDK wrote one message. */
  write(message: unknown): void {
    if (this.finished) return;
    this.written += 1;
    const actual = toWire(message);
    const index = this.find(actual);
    if (index < 0) {
      const what = describeWrite(actual, this.cliRequests);
      const at = this.records[this.cursor]?.seq;
      this.diverge({
        kind: 'unexpected_write',
        what,
        actual,
        differences: [],
        message:
          `The SDK wrote ${what}, which the recording (${this.source}${at !== undefined ? `, at seq ${at}` : ''}) does not have there:\n` +
          `  actual: ${show(actual)}`,
      });
      return;
    }
    this.consumed[index] = 1;
    const record = this.records[index] as FixtureRecord & { msg: Record<string, unknown> };
    const expected = record.msg;
    if (
      actual.type === 'control_request' &&
      typeof expected.request_id === 'string' &&
      typeof actual.request_id === 'string'
    ) {
      this.idMap.set(expected.request_id, actual.request_id);
    }
    if (actual.type === 'control_response') this.noteAnswer(actual, expected);
    const differences = compareWrite(expected, actual, this.options.matchers);
    if (differences.length > 0) {
      const what = describeWrite(expected, this.cliRequests);
      this.diverge({
        kind: 'mismatch',
        seq: record.seq,
        what,
        expected,
        actual,
        differences,
        message:
          `${capitalize(what)} does not match the recording (${this.source}, seq ${record.seq}):\n` +
          formatDifferences(differences),
      });
    }
    if (this.timer?.index === index) this.clearTimer();
    this.schedule();
  }

  /** The SDK closed stdin. */
  endInput(): void {
    if (this.inputEnded) return;
    this.inputEnded = true;
    this.schedule();
  }

  /** The SDK closed the transport: end now, listing writes the recording still expected. */
  close(): void {
    if (this.finished) return;
    this.inputEnded = true;
    if (!this.failed) {
      for (let i = this.cursor; i < this.records.length; i++) {
        const record = this.records[i] as FixtureRecord;
        if (this.consumed[i] || record.dir !== 'sdk->cli') continue;
        const what = describeWrite(record.msg, this.cliRequests);
        this.divergences.push({
          kind: 'missing_write',
          seq: record.seq,
          what,
          expected: record.msg,
          differences: [],
          message: `The session was closed before the SDK wrote ${what} (${this.source}, seq ${record.seq}).`,
        });
      }
    }
    const exit = this.records
      .slice(this.cursor)
      .find((r) => r.dir === 'meta' && r.event === 'exit');
    this.finish(
      exit?.dir === 'meta' && exit.event === 'exit' ? exit.exit_code : 0,
      exit?.dir === 'meta' && exit.event === 'exit' ? exit.signal : null,
    );
  }

  /** Resolves when the replay has ended. */
  finishedReport(): Promise<ReplayReport> {
    if (this.finished) return Promise.resolve(this.report());
    return new Promise((resolve) => this.finishWaiters.push(resolve));
  }

  report(): ReplayReport {
    return {
      divergences: [...this.divergences],
      answers: [...this.answers],
      delivered: this.delivered,
      written: this.written,
      complete: this.complete,
    };
  }

  private schedule(): void {
    if (this.scheduled || this.finished) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.pumping || this.finished || this.failed) return;
    this.pumping = true;
    try {
      this.play();
    } finally {
      this.pumping = false;
      this.peer.flush?.();
    }
  }

  private play(): void {
    const { records, consumed, peer } = this;
    while (!this.finished && !this.failed) {
      const index = this.cursor;
      if (index >= records.length) {
        // A recording without an exit record ends when the SDK ends input.
        if (this.inputEnded || this.endAssumed) this.finish(0, null, true);
        else this.waitAt(index);
        return;
      }
      const record = records[index] as FixtureRecord;
      if (consumed[index]) {
        this.cursor += 1;
        continue;
      }
      switch (record.dir) {
        case 'cli->sdk':
          this.cursor += 1;
          this.delivered += 1;
          peer.message(this.rewrite(record.msg));
          break;
        case 'noise':
          this.cursor += 1;
          peer.noise(record.text);
          break;
        case 'stderr':
          this.cursor += 1;
          peer.stderr(record.text);
          break;
        case 'sdk->cli':
          this.waitAt(index);
          return;
        case 'meta':
          switch (record.event) {
            case 'end_input':
            case 'close':
              if (!this.inputEnded) {
                this.waitAt(index);
                return;
              }
              this.cursor += 1;
              break;
            case 'error':
              this.cursor += 1;
              peer.error(record.message);
              break;
            case 'exit':
              this.cursor += 1;
              this.finish(record.exit_code, record.signal, true);
              return;
          }
          break;
      }
    }
  }

  /** The CLI's message as the SDK must see it now: its answers carry the SDK's current ids. */
  private rewrite(message: Record<string, unknown>): Record<string, unknown> {
    if (message.type === 'control_response') {
      const response = message.response as Record<string, unknown> | undefined;
      const id = response?.request_id;
      const live = typeof id === 'string' ? this.idMap.get(id) : undefined;
      if (live !== undefined) return { ...message, response: { ...response, request_id: live } };
    } else if (message.type === 'control_request' && typeof message.request_id === 'string') {
      const request = message.request;
      this.cliRequests.set(
        message.request_id,
        typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {},
      );
    }
    return message;
  }

  /** The recorded write this one answers to, or -1. */
  private find(actual: Record<string, unknown>): number {
    const { records, consumed } = this;
    const key = keyOf(actual);
    let sameType = -1;
    let i = this.cursor;
    // The run of writes the recording expects next: any order within it.
    for (; i < records.length; i++) {
      const record = records[i] as FixtureRecord;
      if (consumed[i]) continue;
      if (record.dir !== 'sdk->cli') break;
      if (keyOf(record.msg) === key) return i;
      // An answer to another request id: compared in place, so the diff shows the id.
      if (sameType < 0 && actual.type === 'control_response' && record.msg.type === actual.type) {
        sameType = i;
      }
    }
    // Written earlier than in the recording (e.g. a streamed prompt that did not wait).
    for (; i < records.length; i++) {
      const record = records[i] as FixtureRecord;
      if (!consumed[i] && record.dir === 'sdk->cli' && keyOf(record.msg) === key) return i;
    }
    return sameType;
  }

  private noteAnswer(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
    const response = asRecord(actual.response);
    const id = response.request_id;
    if (typeof id !== 'string') return;
    const answer: ReplayAnswer = {
      requestId: id,
      request: this.cliRequests.get(id) ?? {},
      response,
      recorded: asRecord(expected.response),
    };
    const existing = this.answerIndex.get(id);
    if (existing !== undefined) this.answers[existing] = answer;
    else this.answerIndex.set(id, this.answers.push(answer) - 1);
  }

  private waitAt(index: number): void {
    const ms = this.options.timeoutMs;
    if (!(ms > 0 && Number.isFinite(ms))) return;
    if (this.timer?.index === index) return;
    this.clearTimer();
    this.timer = { index, handle: setTimeout(() => this.onTimeout(index), ms) };
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  private onTimeout(index: number): void {
    this.timer = undefined;
    if (this.finished || this.failed || this.cursor !== index) return;
    const record = this.records[index];
    const what =
      record?.dir === 'sdk->cli'
        ? describeWrite(record.msg, this.cliRequests)
        : "stdin EOF (the SDK's endInput or close)";
    this.diverge({
      kind: 'missing_write',
      ...(record ? { seq: record.seq } : {}),
      what,
      ...(record?.dir === 'sdk->cli' ? { expected: record.msg } : {}),
      differences: [],
      message:
        `The recording (${this.source}${record ? `, seq ${record.seq}` : ', at its end'}) expects ${what} here, ` +
        `but the SDK wrote nothing within ${this.options.timeoutMs} ms.` +
        (record?.dir === 'sdk->cli' ? `\n  expected: ${show(record.msg)}` : ''),
    });
    if (this.options.strict) return;
    // Lenient: skip it and play on.
    if (record) this.consumed[index] = 1;
    else this.endAssumed = true;
    this.schedule();
  }

  private diverge(divergence: Divergence): void {
    this.divergences.push(divergence);
    if (!this.options.strict || this.failed) return;
    this.failed = true;
    this.clearTimer();
    const view = writeDivergedRecording(this.fixture, divergence);
    this.peer.fail(
      new ReplayDivergenceError([divergence], view ? { viewCommand: view.command } : undefined),
    );
  }

  private finish(exitCode: number | null, signal: string | null, complete = false): void {
    if (this.finished) return;
    this.finished = true;
    this.complete = complete;
    this.clearTimer();
    this.peer.flush?.();
    this.peer.exit(exitCode, signal);
    const report = this.report();
    for (const resolve of this.finishWaiters.splice(0)) resolve(report);
  }
}

function keyOf(message: Record<string, unknown>): string {
  switch (message.type) {
    case 'control_response':
      return `control_response:${String(asRecord(message.response).request_id)}`;
    case 'control_request':
      return `control_request:${String(asRecord(message.request).subtype)}`;
    default:
      return `type:${String(message.type)}`;
  }
}

/** What the SDK's write looks like on the wire (undefined fields dropped). */
function toWire(message: unknown): Record<string, unknown> {
  const json = JSON.stringify(message);
  const value: unknown = json === undefined ? undefined : JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { type: '(not an object)', value };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
