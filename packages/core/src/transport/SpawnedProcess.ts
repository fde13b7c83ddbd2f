import type { Readable, Writable } from 'node:stream';

/** What `spawnClaudeCodeProcess` is called with: how the SDK would start the CLI itself. */
export interface SpawnOptions {
  /** The program: the CLI binary, or the runtime of a JavaScript CLI. */
  command: string;
  args: string[];
  cwd?: string;
  /** The complete environment for the CLI (not merged over anything). */
  env: { [name: string]: string | undefined };
  /**
   * Aborted when the SDK stops the process (after stdin EOF and the grace period, together with
   * the first `kill()`): tear down the VM/container/connection here. Safe to pass to `spawn()`.
   */
  signal: AbortSignal;
}

/**
 * A started CLI as the SDK drives it: NDJSON over `stdin`/`stdout`, its end from `exit`. A Node
 * `ChildProcess` satisfies it. `stderr` is read (for `options.stderr` and error messages) when
 * present.
 */
export interface SpawnedProcess {
  stdin: Writable;
  stdout: Readable;
  stderr?: Readable | null;
  readonly killed: boolean;
  readonly exitCode: number | null;
  /** Optional: a custom process may leave it out and report the signal through `exit`. */
  readonly signalCode?: NodeJS.Signals | null;
  kill(signal: NodeJS.Signals): boolean;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  once(event: 'error', listener: (error: Error) => void): void;
  off(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  off(event: 'error', listener: (error: Error) => void): void;
}

/** `ClaudeAgentOptions.spawnClaudeCodeProcess`. */
export type SpawnClaudeCodeProcess = (options: SpawnOptions) => SpawnedProcess;
