import type { ContenderName } from '../contenders/Contender.js';
import type { GoalKind } from '../rows.js';
import type { Summary } from '../stats.js';
import type { WorkloadParams } from '../workloads/Workload.js';

/** One measured run of one contender, as stored in the JSON. */
export interface RunRecord {
  round: number;
  wallMs: number;
  values: Record<string, number>;
  outcome: string;
  detail?: string;
  problems: string[];
  cpuMs?: number;
  maxRssMiB?: number;
}

export interface ContenderRecord {
  runs: RunRecord[];
  metrics: Record<string, Summary>;
  cpuMs?: Summary;
  rssMiB?: Summary;
  /** Distinct outcomes over the runs ("ok", "typed CLI_CONNECTION (…)", "crash: …"). */
  outcomes: string[];
  problems: string[];
}

export interface RowResult {
  id: string;
  title: string;
  params: WorkloadParams;
  pending?: string;
  contenders: Partial<Record<ContenderName, ContenderRecord>>;
}

export interface GoalResult {
  row: string;
  goal: GoalKind;
  /** What was compared, with the numbers. */
  text: string;
  /** undefined when it could not be judged (a contender missing or failing). */
  met: boolean | undefined;
}

export interface BenchMeta {
  date: string;
  quick: boolean;
  runs: number;
  warmup: number;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  loadAverage: { start: number[]; end: number[] };
  versions: Record<string, string>;
  gitCommit?: string;
  durationS: number;
}

export interface BenchResults {
  meta: BenchMeta;
  rows: RowResult[];
  goals: GoalResult[];
}
