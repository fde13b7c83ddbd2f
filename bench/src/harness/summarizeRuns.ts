import { summarize, type Summary } from '../stats.js';
import type { ContenderRecord, RunRecord } from './Results.js';

/** Medians and ranges of every value over the measured runs of one contender. */
export function summarizeRuns(runs: RunRecord[]): ContenderRecord {
  const keys = new Set(runs.flatMap((run) => Object.keys(run.values)));
  const metrics: Record<string, Summary> = {};
  for (const key of keys) {
    const summary = summarize(runs.map((run) => run.values[key] ?? Number.NaN));
    if (summary) metrics[key] = summary;
  }
  const cpuMs = summarize(runs.map((run) => run.cpuMs ?? Number.NaN));
  const rssMiB = summarize(runs.map((run) => run.maxRssMiB ?? Number.NaN));
  return {
    runs,
    metrics,
    ...(cpuMs ? { cpuMs } : {}),
    ...(rssMiB ? { rssMiB } : {}),
    outcomes: [...new Set(runs.map((run) => run.outcome))],
    problems: [...new Set(runs.flatMap((run) => run.problems))],
  };
}
