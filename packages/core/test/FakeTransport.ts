import type { Transport, TransportExit, TransportSink } from '../src/transport/Transport.js';

type Msg = Record<string, unknown>;

/**
 * An in-process stand-in for the CLI: tests react to what the SDK writes (`onWrite`) and
 * emit what the CLI would say. Used by unit tests; no process is involved.
 */
export class FakeTransport implements Transport {
  readonly written: Msg[] = [];
  sink: TransportSink | undefined;
  inputEnded = false;
  closed = false;
  private exitedFlag = false;
  private waiters: Array<{ predicate: (m: Msg) => boolean; resolve: (m: Msg) => void }> = [];

  constructor(
    private readonly onWrite: (message: Msg, fake: FakeTransport) => void = answerInitialize,
  ) {}

  get writable(): boolean {
    return !this.inputEnded && !this.exitedFlag;
  }

  async start(sink: TransportSink): Promise<void> {
    this.sink = sink;
  }

  async write(message: unknown): Promise<void> {
    if (!this.writable) throw new Error('stdin closed');
    const msg = message as Msg;
    this.written.push(msg);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(msg)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(msg);
      }
    }
    queueMicrotask(() => this.onWrite(msg, this));
  }

  endInput(): void {
    if (this.inputEnded) return;
    this.inputEnded = true;
    // Like the CLI: with no pending work, EOF means exit 0 (or 1 after an error result).
    queueMicrotask(() => this.exit({ exitCode: this.lastExitCode, signal: null, stderrTail: '' }));
  }

  lastExitCode = 0;

  async close(): Promise<void> {
    this.closed = true;
    this.inputEnded = true;
    this.exit({ exitCode: null, signal: 'SIGTERM', stderrTail: '' });
  }

  emit(message: Msg): void {
    if (message.type === 'result') this.lastExitCode = message.is_error ? 1 : 0;
    this.sink?.message(message);
  }

  exit(info: TransportExit): void {
    if (this.exitedFlag) return;
    this.exitedFlag = true;
    this.sink?.exit(info);
  }

  waitForWrite(predicate: (m: Msg) => boolean): Promise<Msg> {
    const found = this.written.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }
}

export function answerInitialize(message: Msg, fake: FakeTransport): void {
  if (message.type === 'control_request') {
    const request = message.request as Msg;
    fake.emit({
      type: 'control_response',
      response: {
        subtype: 'success',
        request_id: message.request_id,
        response: request.subtype === 'initialize' ? { commands: [], pid: 1 } : {},
      },
    });
  }
}

/** A CLI that answers each user turn with one assistant text and a success result. */
export function echoCli(message: Msg, fake: FakeTransport): void {
  answerInitialize(message, fake);
  if (message.type !== 'user') return;
  const content = (message.message as { content: Array<{ text: string }> }).content;
  const text = `echo: ${content[0]?.text ?? ''}`;
  fake.emit({
    type: 'system',
    subtype: 'session_state_changed',
    state: 'running',
    session_id: 's1',
    uuid: 'x',
  });
  fake.emit({ type: 'system', subtype: 'init', session_id: 's1', uuid: 'i' });
  fake.emit({
    type: 'assistant',
    message: { id: 'm', role: 'assistant', content: [{ type: 'text', text }], stop_reason: null },
    parent_tool_use_id: null,
    session_id: 's1',
    uuid: 'a',
  });
  fake.emit({
    type: 'result',
    subtype: 'success',
    is_error: false,
    result: text,
    session_id: 's1',
    uuid: 'r',
  });
  fake.emit({
    type: 'system',
    subtype: 'session_state_changed',
    state: 'idle',
    session_id: 's1',
    uuid: 'y',
  });
}
