import type { ContenderRecord, GoalResult, RowResult } from './harness/Results.js';
import { formatNumber, formatRatio } from './format.js';
import type { GoalKind, MetricSpec, RowSpec } from './rows.js';

const THROUGHPUT_MIN = 0.85;
const RTT_MAX = 1.5;
const MEMORY_MAX = 1.2;

function metricOf(record: ContenderRecord | undefined, key: string): number | undefined {
  return record?.metrics[key]?.median;
}

/** How many times better than `ref` `value` is, whichever way the metric points. */
function advantage(metric: MetricSpec, value: number, ref: number): number {
  return metric.better === 'higher' ? value / ref : ref / value;
}

function judge(row: RowResult, goal: GoalKind, text: string, met: boolean | undefined): GoalResult {
  return { row: row.id, goal, text, met };
}

/** The goals of issue 9, checked for agentsdk on one row. Reported, never asserted. */
export function evaluateGoals(spec: RowSpec, row: RowResult): GoalResult[] {
  const ours = row.contenders.agentsdk;
  const raw = row.contenders.raw;
  const official = row.contenders.official;
  const primary = spec.metrics[0] as MetricSpec;
  const results: GoalResult[] = [];
  for (const goal of spec.goals) {
    switch (goal) {
      case 'throughput': {
        const a = metricOf(ours, primary.key);
        const r = metricOf(raw, primary.key);
        const ratio = a !== undefined && r !== undefined ? advantage(primary, a, r) : undefined;
        results.push(
          judge(
            row,
            goal,
            `${formatNumber(a)} vs raw ${formatNumber(r)} ${primary.label}: ${formatRatio(ratio)} raw's speed (goal ≥ ${THROUGHPUT_MIN}×)`,
            ratio === undefined ? undefined : ratio >= THROUGHPUT_MIN,
          ),
        );
        break;
      }
      case 'rtt': {
        const parts: string[] = [];
        let met: boolean | undefined = true;
        for (const key of ['p50', 'p99']) {
          const a = metricOf(ours, key);
          const r = metricOf(raw, key);
          const ratio = a !== undefined && r !== undefined ? a / r : undefined;
          parts.push(`${key} ${formatNumber(a)} vs ${formatNumber(r)} ms = ${formatRatio(ratio)}`);
          if (ratio === undefined) met = undefined;
          else if (met !== undefined) met = met && ratio <= RTT_MAX;
        }
        results.push(judge(row, goal, `${parts.join(', ')} raw (goal ≤ ${RTT_MAX}×)`, met));
        break;
      }
      case 'memory': {
        const a = ours?.rssMiB?.median;
        const r = raw?.rssMiB?.median;
        const ratio = a !== undefined && r !== undefined ? a / r : undefined;
        results.push(
          judge(
            row,
            goal,
            `peak RSS ${formatNumber(a)} vs raw ${formatNumber(r)} MiB = ${formatRatio(ratio)} (goal ≤ ${MEMORY_MAX}×)`,
            ratio === undefined ? undefined : ratio <= MEMORY_MAX,
          ),
        );
        break;
      }
      case 'official': {
        const a = metricOf(ours, primary.key);
        const o = metricOf(official, primary.key);
        if (
          a !== undefined &&
          o === undefined &&
          official?.outcomes.some((x) => x.startsWith('crash'))
        ) {
          results.push(judge(row, goal, 'the official SDK crashed; agentsdk completed', true));
          break;
        }
        const ratio = a !== undefined && o !== undefined ? advantage(primary, a, o) : undefined;
        results.push(
          judge(
            row,
            goal,
            `${formatNumber(a)} vs official ${formatNumber(o)} ${primary.label}: ${formatRatio(ratio)} official's`,
            ratio === undefined ? undefined : ratio > 1,
          ),
        );
        break;
      }
      case 'typedError': {
        const outcomes = ours?.outcomes ?? [];
        const others = (['official', 'raw'] as const)
          .map((name) => `${name}: ${row.contenders[name]?.outcomes.join(' / ') ?? '–'}`)
          .join('; ');
        results.push(
          judge(
            row,
            goal,
            `agentsdk: ${outcomes.join(' / ') || '–'}; ${others}`,
            outcomes.length ? outcomes.every((o) => o.startsWith('typed')) : undefined,
          ),
        );
        break;
      }
      case 'stallFree': {
        const worst = ours?.metrics.answeredWhileStalled?.min;
        const rtt = metricOf(ours, 'rttMs');
        const stall = metricOf(ours, 'stallMs');
        results.push(
          judge(
            row,
            goal,
            `tool call answered in ${formatNumber(rtt)} ms while the consumer was busy for ${formatNumber(stall)} ms`,
            worst === undefined ? undefined : worst === 1,
          ),
        );
        break;
      }
    }
  }
  return results;
}
