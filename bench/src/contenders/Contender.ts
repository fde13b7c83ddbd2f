/**
 * The contenders, in table order. `agentsdk-core` is diagnostic: our SDK with a hand-written
 * in-process server instead of `@agentsdk/tools` (tool-call rows only).
 */
export const CONTENDER_NAMES = ['agentsdk', 'agentsdk-core', 'official', 'raw', 'pipe'] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

/** What the workloads read from a contender: a stdout message, or (pipe) a line marker. */
export interface BenchMessage {
  type: string;
  [key: string]: unknown;
}

export interface OpenOptions {
  /** The fake CLI script (run under this Node). */
  cliPath: string;
  /** Workload settings for the fake CLI (`BENCH_*`), added to this process's env. */
  env: Record<string, string>;
  /** Register the in-process `calc` MCP server (tool `add`). */
  withCalc: boolean;
}

/** A started, initialized CLI waiting for its one prompt. */
export interface WarmSession {
  query(): AsyncIterable<BenchMessage>;
}

/** What a measuring process must load besides the contender itself. */
export interface ContenderNeeds {
  /** The in-process `calc` tool server (the workload calls tools). */
  calc: boolean;
  /** Fixture replay (`@agentsdk/testing`). */
  replay: boolean;
}

/**
 * One way of driving the CLI: start it, send one user turn, and yield what it writes until the
 * session ends. Breaking out of the loop ends the CLI.
 */
export interface Contender {
  readonly name: ContenderName;
  /**
   * Whether every stdout message is parsed and yielded. The pipe baseline only frames lines: it
   * yields the first message and the `result`, and answers control requests from string search.
   */
  readonly parses: boolean;
  open(options: OpenOptions): AsyncIterable<BenchMessage>;
  /** Start the CLI and finish `initialize` before the prompt (`startup()`), where supported. */
  warm?(options: OpenOptions): Promise<WarmSession>;
  /** Play a recorded session (fixture file) instead of running a CLI, where supported. */
  replay?(fixturePath: string): AsyncIterable<BenchMessage>;
}
