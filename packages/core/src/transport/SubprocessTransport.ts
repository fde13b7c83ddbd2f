import { statSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { CLIConnectionError } from '../errors/CLIConnectionError.js';
import { reapOnHostExit } from './childReaper.js';
import { spawnProcess } from './spawnProcess.js';
import { WRITTEN } from './written.js';
import { LineDecoder } from './LineDecoder.js';
import { parseLine } from './parseLine.js';
import { StderrBuffer } from './StderrBuffer.js';
import type { PrivateFiles } from './PrivateFiles.js';
import type { SpawnClaudeCodeProcess, SpawnedProcess } from './SpawnedProcess.js';
import type { Transport, TransportExit, TransportSink } from './Transport.js';

export interface SubprocessTransportOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  uid?: number;
  gid?: number;
  onStderr?: (line: string) => void;
  /** After stdin EOF, how long the CLI gets to exit on its own before SIGTERM. */
  shutdownGraceMs?: number;
  /** After SIGTERM, how long before SIGKILL. */
  killGraceMs?: number;
  /**
   * When the process and its stdout do not end together, how long to wait for the other one:
   * stdout still open after the exit (a grandchild holds it) is cut, a process still running
   * after stdout closed is stopped. Default 1000 ms.
   */
  pipeGraceMs?: number;
  /** Config files named in `args`: written at start, removed when the process exits. */
  files?: PrivateFiles;
  /**
   * Start the process with this instead of a local spawn (`spawnClaudeCodeProcess`): `cwd` is
   * then not checked here and `uid`/`gid` do not apply; the ending is the same.
   */
  spawn?: SpawnClaudeCodeProcess;
}

/** Either our own child or the one `spawn` returned; the 'spawn' event only exists on ours. */
type Child = SpawnedProcess;

/** Runs the CLI as a child process (no shell) and speaks NDJSON over its stdio. */
export class SubprocessTransport implements Transport {
  private child: Child | undefined;
  private exited: Promise<void> | undefined;
  private isExited = false;
  private inputEnded = false;
  private closing: Promise<void> | undefined;
  /** Ends the session without the process's exit (a custom process that never reports one). */
  private abandon: (() => void) | undefined;
  /** Set once we send a signal: the exit is ours, not the CLI's. */
  private stoppedBySdk = false;
  /** `SpawnOptions.signal`: aborted when we stop the process. */
  private readonly stopping = new AbortController();

  constructor(private readonly options: SubprocessTransportOptions) {}

  get writable(): boolean {
    return this.child !== undefined && !this.inputEnded && !this.isExited;
  }

  async start(sink: TransportSink): Promise<void> {
    if (this.child) throw new CLIConnectionError('This transport was already started.');
    const { options } = this;
    if (!options.spawn) checkCwd(options.cwd);
    try {
      options.files?.materialize({ uid: options.uid, gid: options.gid });
    } catch (error) {
      options.files?.remove();
      throw new CLIConnectionError(
        `Could not write the CLI's config files to the temp directory: ${(error as Error).message}. Check that TMPDIR is writable.`,
        { cause: error },
      );
    }
    const stderr = new StderrBuffer(options.onStderr);
    let child: Child;
    try {
      child = options.spawn ? this.spawnCustom(options.spawn) : this.spawnLocal();
    } catch (error) {
      // No process, so no exit to remove the config files written above: remove them here.
      options.files?.remove();
      throw error;
    }
    this.child = child;

    const decoder = new LineDecoder({
      line: (text) => parseLine(text, sink),
      oversized: (size, cause) =>
        sink.error(
          new CLIConnectionError(
            `The CLI wrote a ${size}-byte line, larger than this runtime can hold as a string.`,
            {
              cause,
            },
          ),
        ),
    });
    child.stdout.on('data', (chunk: Buffer) => decoder.push(chunk));
    if (child.stderr) {
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.stderr.on('end', () => stderr.end());
      child.stderr.on('error', () => {});
    } else {
      stderr.end();
    }
    // EPIPE when the CLI dies while we write: reported through exit, never an uncaught error.
    child.stdin.on('error', () => {});
    child.stdout.on('error', () => {});

    let spawnError: Error | undefined;
    let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let stdoutEnded = false;
    let stdoutClosedEarly = false;
    let pipeTimer: NodeJS.Timeout | undefined;
    let reported = false;
    let markExited!: () => void;
    this.exited = new Promise<void>((resolve) => (markExited = resolve));
    const release = reapOnHostExit(child);
    const pipeGraceMs = options.pipeGraceMs ?? 1000;

    const report = (): void => {
      if (reported) return;
      reported = true;
      if (pipeTimer) clearTimeout(pipeTimer);
      release();
      options.files?.remove();
      const exit: TransportExit = {
        exitCode: status?.code ?? null,
        signal: status?.signal ?? null,
        stderrTail: stderr.tail(),
      };
      if (spawnError) exit.spawnError = spawnError;
      if (this.stoppedBySdk) exit.stoppedBySdk = true;
      if (stdoutClosedEarly) exit.stdoutClosedEarly = true;
      sink.exit(exit);
      markExited();
    };
    this.abandon = () => {
      status ??= { code: null, signal: 'SIGKILL' };
      this.isExited = true;
      child.stdout.destroy();
      child.stderr?.destroy();
      if (!stdoutEnded) {
        stdoutEnded = true;
        decoder.end();
      }
      report();
    };
    const onStdoutEnd = (): void => {
      if (stdoutEnded) return;
      stdoutEnded = true;
      decoder.end();
      if (status || spawnError) return report();
      // stdout is the session: once it is closed nothing more can arrive. A CLI that stays
      // alive without it would hang the caller, so it gets a bounded moment to exit on its own.
      pipeTimer = setTimeout(() => {
        stdoutClosedEarly = true;
        void this.close({ immediate: true });
      }, pipeGraceMs);
    };
    child.stdout.on('end', onStdoutEnd);
    child.stdout.on('close', onStdoutEnd);
    child.once('exit', (code, signal) => {
      status = { code, signal };
      this.isExited = true;
      if (stdoutEnded) return report();
      // A grandchild may hold stdout open for as long as it lives: what the CLI wrote is already
      // in the pipe, so drain for a bounded moment, then take the end from the exit itself.
      pipeTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr?.destroy();
        stdoutEnded = true;
        decoder.end();
        report();
      }, pipeGraceMs);
    });

    // A custom process is running once returned; its 'error' (a lost connection, a failed start)
    // may never be followed by 'exit', so it ends the session.
    let running = options.spawn !== undefined;
    const spawned = new Promise<void>((resolve) => {
      if (running) {
        resolve();
      } else {
        (child as unknown as ChildProcess).once('spawn', () => {
          running = true;
          resolve();
        });
      }
      const onError = (error: Error): void => {
        if (status || reported) return;
        if (options.spawn) {
          sink.error(
            new CLIConnectionError(
              `The process started by spawnClaudeCodeProcess failed: ${error.message}`,
              { cause: error },
            ),
          );
          this.isExited = true;
          try {
            child.kill('SIGKILL');
          } catch {
            // Nothing left to stop.
          }
          report();
          return;
        }
        if (running) return; // a failed kill(): the exit still comes
        spawnError = error;
        this.isExited = true;
        report();
        resolve();
      };
      if (options.spawn) child.on('error', onError);
      else child.once('error', onError);
    });
    await spawned;
    if (spawnError) throw couldNotStart(options.command, spawnError);
  }

  private spawnLocal(): Child {
    const { options } = this;
    try {
      // We own the ending: our reaper SIGKILLs on host exit, and shutdown() escalates itself.
      return spawnProcess(options.command, [...options.args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        ...(options.uid !== undefined ? { uid: options.uid } : {}),
        ...(options.gid !== undefined ? { gid: options.gid } : {}),
      });
    } catch (error) {
      // Node throws some spawn failures (EINVAL, EPERM, a bad argument) instead of emitting them.
      throw couldNotStart(options.command, error);
    }
  }

  private spawnCustom(spawn: SpawnClaudeCodeProcess): Child {
    const { options } = this;
    let child: SpawnedProcess;
    try {
      child = spawn({
        command: options.command,
        args: [...options.args],
        cwd: options.cwd,
        env: { ...options.env },
        signal: this.stopping.signal,
      });
    } catch (error) {
      throw new CLIConnectionError(
        `spawnClaudeCodeProcess threw while starting the CLI: ${error instanceof Error ? error.message : String(error)}.`,
        { cause: error },
      );
    }
    const shaped =
      typeof child === 'object' &&
      child !== null &&
      typeof child.stdin?.write === 'function' &&
      typeof child.stdout?.on === 'function' &&
      typeof child.kill === 'function' &&
      typeof child.on === 'function' &&
      typeof child.once === 'function';
    if (!shaped) {
      throw new CLIConnectionError(
        'spawnClaudeCodeProcess returned something that is not a SpawnedProcess: it needs stdin, stdout, kill(), on() and once() (a ChildProcess has them).',
      );
    }
    return child;
  }

  write(message: unknown): Promise<void> {
    const child = this.child;
    if (!child || !this.writable) {
      return Promise.reject(
        new CLIConnectionError(
          this.isExited
            ? 'Cannot write to the CLI: the process has exited.'
            : 'Cannot write to the CLI: its input is closed (endInput() was called) or it was never started.',
        ),
      );
    }
    const line = `${JSON.stringify(message)}\n`;
    // One write per message keeps lines whole; Node keeps writes in order.
    if (child.stdin.write(line)) return WRITTEN;
    return new Promise((resolve) => {
      const done = (): void => {
        child.stdin.off('drain', done);
        child.stdin.off('close', done);
        resolve();
      };
      child.stdin.once('drain', done);
      child.stdin.once('close', done);
    });
  }

  endInput(): void {
    if (this.inputEnded || !this.child) return;
    this.inputEnded = true;
    this.child.stdin.end();
  }

  close(options: { immediate?: boolean } = {}): Promise<void> {
    this.closing ??= this.shutdown(options.immediate === true);
    return this.closing;
  }

  private async shutdown(immediate: boolean): Promise<void> {
    const { child, exited } = this;
    if (!child || !exited) return;
    this.endInput();
    // Exited but stdout still draining: the exit handler ends it within its bound.
    if (this.isExited) return exited;
    // With EOF alone the CLI finishes the turn in hand first; when that work is abandoned anyway
    // (break, abort, error mid-turn), waiting for it only delays the caller.
    const grace = immediate ? 0 : (this.options.shutdownGraceMs ?? 5000);
    if (grace > 0 && (await settlesWithin(exited, grace))) return;
    this.signal(child, 'SIGTERM');
    if (await settlesWithin(exited, this.options.killGraceMs ?? 2000)) return;
    this.signal(child, 'SIGKILL');
    // Our own child always exits on SIGKILL; a custom process (a VM, a remote shell) may never
    // say so, and the caller must not hang on it.
    if (this.options.spawn && !(await settlesWithin(exited, this.options.killGraceMs ?? 2000))) {
      this.abandon?.();
    }
    await exited;
  }

  private signal(child: Child, signal: NodeJS.Signals): void {
    if (this.isExited) return;
    this.stoppedBySdk = true;
    this.stopping.abort();
    try {
      child.kill(signal);
    } catch {
      // A custom process that cannot be signalled: its exit (or its end of stdout) still ends us.
    }
  }
}

function checkCwd(cwd: string): void {
  let ok: boolean;
  try {
    ok = statSync(cwd).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new CLIConnectionError(
      `The working directory "${cwd}" does not exist or is not a directory. Create it or fix the \`cwd\` option.`,
    );
  }
}

function couldNotStart(command: string, error: unknown): CLIConnectionError {
  return new CLIConnectionError(
    `Could not start the Claude Code CLI (${command}): ${error instanceof Error ? error.message : String(error)}. ` +
      'Check that the file exists and is executable, or pass `cliPath`.',
    { cause: error },
  );
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
