import type { Contender } from '../contenders/Contender.js';

/** Row settings handed to a workload (sizes, text spec, …). */
export type WorkloadParams = Record<string, number | string>;

export interface RunContext {
  contender: Contender;
  /** The fake CLI script. */
  cliPath: string;
  /** A fresh file the fake CLI writes its own measurements to. */
  reportPath: string;
  params: WorkloadParams;
}

/** What one measured run produced, inside the measuring process. */
export interface RunOutput {
  /** Named measurements (ms, msg/s, …); rows choose which to show. */
  values: Record<string, number>;
  /** How the run ended when that is the point of the row (typed error, crash, …). */
  outcome?: string;
  /** The error message behind `outcome`, when there was one. */
  detail?: string;
  /** Anything that makes the numbers untrustworthy (wrong count, failed tool call). */
  problems: string[];
  /** Set when the workload measured CPU itself over a narrower window. */
  cpuMs?: number;
}

export type Workload = (context: RunContext) => Promise<RunOutput>;

export function numberParam(params: WorkloadParams, key: string): number {
  const value = Number(params[key]);
  if (!Number.isFinite(value)) throw new Error(`workload parameter ${key} is missing`);
  return value;
}
