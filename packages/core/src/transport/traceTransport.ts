import { closeSync, openSync, writeSync } from 'node:fs';
import { SDK_VERSION } from '../version.js';
import type { Transport, TransportSink } from './Transport.js';

/** Line 1 of a trace: what wrote it and when. */
export interface TraceHeader {
  format: 'agentsdk-trace';
  version: 1;
  started_at: string;
  sdk_version: string;
}

/**
 * One message of the session, in the record shape of `@agentsdk/testing` fixtures: `seq`
 * (1-based), `t_ms` since the transport started, and the direction.
 */
export type TraceEntry = { seq: number; t_ms: number } & (
  | { dir: 'sdk->cli' | 'cli->sdk'; msg: unknown }
  | { dir: 'noise'; text: string }
  | { dir: 'meta'; event: 'end_input' | 'close' }
  | { dir: 'meta'; event: 'error'; message: string }
  | { dir: 'meta'; event: 'exit'; exit_code: number | null; signal: string | null }
);

/** Receives the header, then each entry as it happens. Must not throw (errors are ignored). */
export type TraceSink = (record: TraceHeader | TraceEntry) => void;

/**
 * The `trace` option: a file path (NDJSON, replaced at start, one line per message, written as
 * the session runs — `agentsdk view --live <file>` follows it) or a sink function. Opt-in and
 * off by default; a trace holds prompts, tool inputs and outputs as the wire carries them.
 */
export type TraceOption = string | TraceSink;

/** Wrap a transport so every message in either direction is traced as it passes. */
export function traceTransport(inner: Transport, trace: TraceOption): Transport {
  let t0 = 0;
  let seq = 0;
  let fd: number | undefined;
  const emit = (record: TraceHeader | TraceEntry): void => {
    try {
      if (typeof trace === 'function') trace(record);
      else if (fd !== undefined) writeSync(fd, `${JSON.stringify(record)}\n`);
    } catch {
      // Tracing is best effort: it never breaks the session it watches.
    }
  };
  type EntryBody = TraceEntry extends infer E
    ? E extends TraceEntry
      ? Omit<E, 'seq' | 't_ms'>
      : never
    : never;
  const entry = (body: EntryBody): void =>
    emit({
      seq: ++seq,
      t_ms: Math.round((performance.now() - t0) * 10) / 10,
      ...body,
    } as TraceEntry);
  const closeFile = (): void => {
    if (fd === undefined) return;
    closeSync(fd);
    fd = undefined;
  };
  return {
    get writable() {
      return inner.writable;
    },
    async start(sink: TransportSink) {
      t0 = performance.now();
      if (typeof trace === 'string') fd = openSync(trace, 'w', 0o600);
      emit({
        format: 'agentsdk-trace',
        version: 1,
        started_at: new Date().toISOString(),
        sdk_version: SDK_VERSION,
      });
      await inner.start({
        message: (message) => {
          entry({ dir: 'cli->sdk', msg: message });
          sink.message(message);
        },
        noise: (line) => {
          entry({ dir: 'noise', text: line });
          sink.noise(line);
        },
        error: (error) => {
          entry({ dir: 'meta', event: 'error', message: error.message });
          sink.error(error);
        },
        exit: (info) => {
          entry({ dir: 'meta', event: 'exit', exit_code: info.exitCode, signal: info.signal });
          closeFile();
          sink.exit(info);
        },
      });
    },
    write(message: unknown) {
      entry({ dir: 'sdk->cli', msg: message });
      return inner.write(message);
    },
    endInput() {
      entry({ dir: 'meta', event: 'end_input' });
      inner.endInput();
    },
    async close(options) {
      entry({ dir: 'meta', event: 'close' });
      await inner.close(options);
      closeFile();
    },
  };
}
