import { fork } from 'node:child_process';
import { CHILD_ENTRY } from '../paths.js';
import type { ChildResult, ChildSpec } from './ChildSpec.js';

export interface ChildRun {
  result?: ChildResult;
  /** Set when the measuring process died or hung instead of reporting. */
  crash?: { exitCode: number | null; signal: string | null; error: string };
  wallMs: number;
}

export interface RunChildOptions {
  timeoutMs: number;
  /** Extra Node flags for the measuring process (`--cpu-prof …`). */
  nodeFlags?: string[];
  /** Echo the measuring process's stdout and stderr. */
  verbose?: boolean;
}

const TAIL_BYTES = 16 * 1024;

/** Run one measurement in a fresh Node process and collect what it reports (or how it died). */
export function runChild(spec: ChildSpec, options: RunChildOptions): Promise<ChildRun> {
  const started = performance.now();
  const child = fork(CHILD_ENTRY, [JSON.stringify(spec)], {
    execArgv: ['--expose-gc', ...(options.nodeFlags ?? [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    if (options.verbose) process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let result: ChildResult | undefined;
  child.on('message', (message) => {
    result = message as ChildResult;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve) => {
    child.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (result) {
        resolve({ result, wallMs });
        return;
      }
      const error = timedOut ? `timed out after ${options.timeoutMs} ms` : firstErrorLine(tail);
      resolve({ crash: { exitCode, signal, error }, wallMs });
    });
  });
}

/** The most telling line of a dead process's output: the first `…Error…:` line, else the last. */
function firstErrorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find(
    (line) => /^(Uncaught )?[A-Za-z]*Error\b.*:/.test(line) || /^\w*Error:/.test(line),
  );
  return (error ?? lines.at(-1) ?? 'no output').slice(0, 200);
}
