import { CONTENDER_NAMES, type ContenderName } from './contenders/Contender.js';
import { recordFixture } from './harness/recordFixture.js';
import type { WorkloadId } from './workloads/registry.js';
import type { WorkloadParams } from './workloads/Workload.js';

export interface MetricSpec {
  /** Key in the run's `values`. */
  key: string;
  label: string;
  better: 'higher' | 'lower';
}

/**
 * What the goals of issue 9 say about a row (reported, never asserted):
 * throughput ≥ 0.85× raw · rtt (p50 and p99) ≤ 1.5× raw · memory: peak RSS ≤ 1.2× raw ·
 * official: ahead of the official SDK on the first metric · typedError: a typed error reaches
 * the caller and the host survives · stallFree: control answered while the consumer is stalled.
 */
export type GoalKind = 'throughput' | 'rtt' | 'memory' | 'official' | 'typedError' | 'stallFree';

export interface RowSpec {
  id: string;
  /** The row's name in the table, from its parameters (the --quick sizes differ). */
  title: (params: WorkloadParams) => string;
  workload: WorkloadId;
  full: WorkloadParams;
  quick: WorkloadParams;
  contenders: readonly ContenderName[];
  /** The first metric is the row's headline, the one compared with the official SDK. */
  metrics: readonly MetricSpec[];
  goals: readonly GoalKind[];
  /** The workload calls tools: load the contenders' in-process `calc` server. */
  withCalc?: boolean;
  /**
   * Runs once in the orchestrator before the measured runs (e.g. records a fixture); returns
   * parameters added to the row's (`scratch` is a temporary directory).
   */
  prepare?: (params: WorkloadParams, scratch: string) => Promise<WorkloadParams>;
  /** Measured runs (after one warm-up round) when not the suite default. */
  runs?: { full: number; quick: number };
  /** The workload replays a fixture: load the replay transport. */
  replay?: boolean;
  /** Set while a row cannot run yet: the reason, printed in the table. */
  pending?: string;
}

const ALL = ['agentsdk', 'official', 'raw', 'pipe'] as const;
const PARSERS = ['agentsdk', 'official', 'raw'] as const;
const msgPerSec: MetricSpec = { key: 'msgPerSec', label: 'msg/s ↑', better: 'higher' };
const n = (params: WorkloadParams): string => Number(params.count).toLocaleString('en-US');
const mibPerSec: MetricSpec = { key: 'mibPerSec', label: 'MiB/s ↑', better: 'higher' };
const cpuPerMsg: MetricSpec = { key: 'cpuUsPerMsg', label: 'CPU µs/msg ↓', better: 'lower' };
const seconds: MetricSpec = { key: 'seconds', label: 's ↓', better: 'lower' };

export const ROWS: readonly RowSpec[] = [
  {
    id: 'stream-200B',
    title: (p) => `${n(p)} assistant messages, 200 B text`,
    workload: 'stream',
    full: { count: 100_000, text: '200' },
    quick: { count: 10_000, text: '200' },
    contenders: ALL,
    metrics: [msgPerSec, mibPerSec, cpuPerMsg],
    goals: ['throughput', 'memory', 'official'],
  },
  {
    id: 'stream-10KB-utf8',
    title: (p) => `${n(p)} messages, 10 KB non-ASCII text`,
    workload: 'stream',
    full: { count: 10_000, text: 'nonascii:10000' },
    quick: { count: 1_000, text: 'nonascii:10000' },
    contenders: ALL,
    metrics: [msgPerSec, mibPerSec, cpuPerMsg],
    goals: ['throughput', 'memory', 'official'],
  },
  {
    id: 'tool-calls',
    title: (p) => `${n(p)} sequential in-process MCP tool calls`,
    workload: 'toolCalls',
    withCalc: true,
    full: { count: 5_000 },
    quick: { count: 500 },
    contenders: CONTENDER_NAMES,
    metrics: [
      { key: 'callsPerSec', label: 'calls/s ↑', better: 'higher' },
      { key: 'p50', label: 'RTT p50 ms ↓', better: 'lower' },
      { key: 'p99', label: 'RTT p99 ms ↓', better: 'lower' },
    ],
    goals: ['rtt', 'memory', 'official'],
  },
  {
    id: 'line-64MiB',
    title: (p) => `one ${p.mib} MiB assistant line`,
    workload: 'hugeLine',
    full: { mib: 64 },
    quick: { mib: 4 },
    contenders: ALL,
    metrics: [seconds],
    goals: ['throughput', 'memory', 'official'],
  },
  {
    id: 'line-256MiB',
    title: (p) => `one ${p.mib} MiB assistant line`,
    workload: 'hugeLine',
    full: { mib: 256 },
    quick: { mib: 16 },
    contenders: ALL,
    metrics: [seconds],
    goals: ['throughput', 'memory', 'official'],
  },
  {
    id: 'line-600MiB',
    title: (p) => `one ${p.mib} MiB line (over V8's string limit)`,
    workload: 'hugeLine',
    full: { mib: 600 },
    quick: { mib: 600 },
    contenders: PARSERS,
    metrics: [seconds],
    goals: ['typedError'],
    runs: { full: 3, quick: 1 },
  },
  {
    id: 'cold-start',
    title: (p) => `cold start, query() → first message (median of ${p.count})`,
    workload: 'coldStart',
    full: { count: 20 },
    quick: { count: 5 },
    contenders: ALL,
    metrics: [
      { key: 'ms', label: 'ms ↓', better: 'lower' },
      { key: 'importMs', label: 'import ms ↓', better: 'lower' },
    ],
    goals: ['official'],
  },
  {
    id: 'warm-start',
    title: (p) => `warm start, startup() ahead, prompt → first message (median of ${p.count})`,
    workload: 'warmStart',
    full: { count: 20 },
    quick: { count: 5 },
    contenders: ['agentsdk', 'official'],
    metrics: [{ key: 'ms', label: 'ms ↓', better: 'lower' }],
    goals: ['official'],
  },
  {
    id: 'replay',
    title: (p) => `replay of a ${n(p)}-message fixture (@agentsdk/testing)`,
    workload: 'replay',
    full: { count: 10_000 },
    quick: { count: 1_000 },
    contenders: ['agentsdk', 'raw'],
    metrics: [msgPerSec, { key: 'ms', label: 'ms ↓', better: 'lower' }],
    goals: ['throughput'],
    replay: true,
    prepare: async (params, scratch) => ({
      fixture: await recordFixture(Number(params.count), scratch),
    }),
  },
  {
    id: 'slow-consumer',
    title: (p) => `slow consumer (${p.sleepMs} ms × ${n(p)} messages) while the CLI calls a tool`,
    workload: 'slowConsumer',
    withCalc: true,
    full: { count: 200, sleepMs: 5, text: '200' },
    quick: { count: 40, sleepMs: 5, text: '200' },
    contenders: ['agentsdk', 'agentsdk-core', 'official', 'raw'],
    metrics: [
      { key: 'rttMs', label: 'tool RTT ms ↓', better: 'lower' },
      { key: 'stallMs', label: 'consumer busy ms', better: 'lower' },
    ],
    goals: ['stallFree', 'official'],
  },
  {
    id: 'backlog-drain',
    title: (p) => `backlog drain: ${n(p)} queued messages after a stall`,
    workload: 'backlog',
    full: { count: 200_000, text: '200' },
    quick: { count: 20_000, text: '200' },
    contenders: PARSERS,
    metrics: [
      { key: 'drainMs', label: 'drain ms ↓', better: 'lower' },
      { key: 'drainPerSec', label: 'msg/s ↑', better: 'higher' },
    ],
    goals: ['memory', 'official'],
  },
];
