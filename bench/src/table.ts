import { CONTENDER_NAMES } from './contenders/Contender.js';
import { formatNumber, formatRatio } from './format.js';
import type { BenchResults, ContenderRecord, RowResult } from './harness/Results.js';
import type { MetricSpec, RowSpec } from './rows.js';

const HEADER = [
  'Workload',
  'Contender',
  'Metric',
  'Median',
  'Min–max',
  '×raw',
  '×official',
  'CPU ms',
  'Peak RSS MiB',
  'Outcome',
];

function range(record: ContenderRecord, key: string): string {
  const summary = record.metrics[key];
  if (!summary) return '–';
  return `${formatNumber(summary.min)}–${formatNumber(summary.max)}`;
}

function ratio(value: number | undefined, ref: ContenderRecord | undefined, key: string): string {
  const base = ref?.metrics[key]?.median;
  return value === undefined || base === undefined ? '–' : formatRatio(value / base);
}

function outcome(record: ContenderRecord): string {
  const parts = record.outcomes.filter((o) => o !== 'ok');
  const problems = record.problems.map((p) => `⚠ ${p}`);
  return [...parts, ...problems].join('; ').replaceAll('|', '\\|') || 'ok';
}

function rowLines(spec: RowSpec, row: RowResult): string[][] {
  if (row.pending) return [[row.title, '–', '–', 'pending', '', '', '', '', '', row.pending]];
  const lines: string[][] = [];
  let first = true;
  for (const name of CONTENDER_NAMES) {
    const record = row.contenders[name];
    if (!record) continue;
    spec.metrics.forEach((metric: MetricSpec, index) => {
      const value = record.metrics[metric.key]?.median;
      lines.push([
        first ? row.title : '',
        index === 0 ? name : '',
        metric.label,
        formatNumber(value),
        range(record, metric.key),
        name === 'raw' ? '' : ratio(value, row.contenders.raw, metric.key),
        name === 'official' ? '' : ratio(value, row.contenders.official, metric.key),
        index === 0 ? formatNumber(record.cpuMs?.median) : '',
        index === 0 ? formatNumber(record.rssMiB?.median) : '',
        index === 0 ? outcome(record) : '',
      ]);
      first = false;
    });
  }
  return lines;
}

function markdown(rows: string[][]): string {
  const [head, ...body] = rows as [string[], ...string[][]];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** The results as Markdown: one table of measurements, one of the goals. */
export function renderTable(results: BenchResults, specs: readonly RowSpec[]): string {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  const measurements: string[][] = [HEADER];
  for (const row of results.rows) {
    const spec = byId.get(row.id);
    if (spec) measurements.push(...rowLines(spec, row));
  }
  const goals: string[][] = [['Row', 'Goal', 'agentsdk', 'Met']];
  for (const goal of results.goals) {
    const met = goal.met === undefined ? '?' : goal.met ? 'yes' : '**no**';
    goals.push([goal.row, goal.goal, goal.text.replaceAll('|', '\\|'), met]);
  }
  return `${markdown(measurements)}\n\n${markdown(goals)}\n`;
}
