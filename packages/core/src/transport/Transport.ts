/** What a transport reports to the session that owns it. */
export interface TransportSink {
  /** One parsed JSON object from the CLI's stdout. */
  message(message: Record<string, unknown>): void;
  /** A stdout line that is not JSON (skipped) — reported as a warning. */
  noise(line: string): void;
  /** A stdout line that looked like JSON but did not parse, or could not be decoded. Fatal. */
  error(error: Error): void;
  /** The process (or stream) ended. Called exactly once. */
  exit(info: TransportExit): void;
}

export interface TransportExit {
  exitCode: number | null;
  signal: string | null;
  /** The last lines of stderr (bounded). */
  stderrTail: string;
  /** Set when the process could not be started at all. */
  spawnError?: Error;
  /** The SDK signalled the process (it did not exit on its own after EOF, or was closed). */
  stoppedBySdk?: boolean;
  /** stdout closed while the process kept running; the SDK stopped it. */
  stdoutClosedEarly?: boolean;
}

/**
 * The byte pipe between the SDK and a CLI: the real subprocess, a replay of a recording, or
 * a test double. It frames and parses; it knows nothing of the control protocol.
 */
export interface Transport {
  /** Start and begin delivering to `sink`. Rejects if the CLI cannot be started. */
  start(sink: TransportSink): Promise<void>;
  /** Write one message as one NDJSON line. Resolves when the bytes are handed to the pipe. */
  write(message: unknown): Promise<void>;
  /** Close the CLI's stdin (EOF). Idempotent. */
  endInput(): void;
  /**
   * End the CLI: EOF → grace → SIGTERM → SIGKILL. With `immediate`, no grace for EOF (the caller
   * abandons work in progress). Idempotent; resolves when it is gone.
   */
  close(options?: { immediate?: boolean }): Promise<void>;
  /** Whether stdin is still open for writes. */
  readonly writable: boolean;
}
