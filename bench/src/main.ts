import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import type { ContenderName } from './contenders/Contender.js';
import { evaluateGoals } from './goals.js';
import type { ChildSpec } from './harness/ChildSpec.js';
import { loadAverage, machineMeta } from './harness/machineMeta.js';
import type { BenchResults, RowResult, RunRecord } from './harness/Results.js';
import { runChild } from './harness/runChild.js';
import { summarizeRuns } from './harness/summarizeRuns.js';
import { FAKE_CLI, RESULTS_DIR } from './paths.js';
import { ROWS, type RowSpec } from './rows.js';
import { renderTable } from './table.js';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Contenders in the order of this round: rotated, so no contender always goes first. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % Math.max(items.length, 1);
  return [...items.slice(k), ...items.slice(0, k)];
}

async function runRow(spec: RowSpec, args: BenchArgs, scratch: string): Promise<RowResult> {
  let params = args.quick ? spec.quick : spec.full;
  const row: RowResult = { id: spec.id, title: spec.title(params), params, contenders: {} };
  if (spec.pending) {
    log(`[${spec.id}] pending: ${spec.pending}`);
    return { ...row, pending: spec.pending };
  }
  if (spec.prepare) params = { ...params, ...(await spec.prepare(params, scratch)) };
  const contenders = spec.contenders.filter((name) => args.contenders.includes(name));
  const runs =
    args.runs ?? (args.quick ? spec.runs?.quick : spec.runs?.full) ?? (args.quick ? 1 : 5);
  const warmup = args.warmup ?? (args.quick ? 0 : 1);
  const records = new Map<ContenderName, RunRecord[]>(contenders.map((name) => [name, []]));
  let seq = 0;
  for (let round = 0; round < warmup + runs; round++) {
    const measured = round >= warmup;
    for (const contender of rotate(contenders, round)) {
      const reportPath = join(scratch, `${spec.id}-${contender}-${++seq}.json`);
      const childSpec: ChildSpec = {
        workload: spec.workload,
        contender,
        params,
        needs: { calc: spec.withCalc ?? false, replay: spec.replay ?? false },
        cliPath: FAKE_CLI,
        reportPath,
      };
      const profile = args.profile
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${join(RESULTS_DIR, 'profiles')}`,
            `--cpu-prof-name=${spec.id}-${contender}-${round}.cpuprofile`,
          ]
        : [];
      const run = await runChild(childSpec, {
        timeoutMs: args.quick ? 120_000 : 600_000,
        nodeFlags: profile,
        verbose: args.verbose,
      });
      const record: RunRecord = run.result
        ? {
            round,
            wallMs: run.wallMs,
            values: run.result.values,
            outcome: run.result.outcome ?? 'ok',
            ...(run.result.detail !== undefined ? { detail: run.result.detail } : {}),
            problems: run.result.problems,
            cpuMs: run.result.cpuMs,
            maxRssMiB: run.result.maxRssMiB,
          }
        : {
            round,
            wallMs: run.wallMs,
            values: {},
            outcome: `crash: ${run.crash?.error ?? '?'}`,
            problems: [],
          };
      const headline = spec.metrics[0]?.key ?? '';
      log(
        `[${spec.id}] ${measured ? `run ${round - warmup + 1}/${runs}` : 'warm-up'} ${contender}: ` +
          `${headline}=${record.values[headline]?.toFixed(3) ?? '–'} ${record.outcome}` +
          `${record.problems.length ? ` ⚠ ${record.problems.join('; ')}` : ''} (${Math.round(run.wallMs)} ms)`,
      );
      rmSync(reportPath, { force: true });
      if (measured) records.get(contender)?.push(record);
    }
  }
  for (const [name, runRecords] of records) row.contenders[name] = summarizeRuns(runRecords);
  return row;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.table) {
    const saved = JSON.parse(readFileSync(resolve(args.table), 'utf8')) as BenchResults;
    printResults(saved, ROWS);
    return;
  }
  const specs = ROWS.filter((spec) => !args.only || args.only.includes(spec.id));
  if (specs.length === 0) throw new Error(`No row matches --only ${args.only?.join(',')}.`);
  const started = performance.now();
  const loadStart = loadAverage();
  const scratch = mkdtempSync(join(tmpdir(), 'agentsdk-bench-'));
  const rows: RowResult[] = [];
  try {
    for (const spec of specs) rows.push(await runRow(spec, args, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const results: BenchResults = {
    meta: {
      ...machineMeta(),
      quick: args.quick,
      runs: args.runs ?? (args.quick ? 1 : 5),
      warmup: args.warmup ?? (args.quick ? 0 : 1),
      loadAverage: { start: loadStart, end: loadAverage() },
      durationS: Math.round((performance.now() - started) / 1000),
    },
    rows,
    goals: specs.flatMap((spec, i) => evaluateGoals(spec, rows[i] as RowResult)),
  };
  const out = args.out ? resolve(args.out) : join(RESULTS_DIR, 'latest.json');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  printResults(results, specs);
  log(`\nResults: ${out}`);
}

function printResults(results: BenchResults, specs: readonly RowSpec[]): void {
  const { meta } = results;
  process.stdout.write(
    `\n${meta.node} · ${meta.cpu} · ${meta.cores} cores · ${meta.memoryGiB} GiB · ` +
      `load ${meta.loadAverage.start.join('/')} → ${meta.loadAverage.end.join('/')} · ` +
      `${meta.quick ? 'quick' : 'full'} · ${meta.durationS} s\n\n`,
  );
  process.stdout.write(renderTable(results, specs));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
