import { parseArgs } from 'node:util';
import { CONTENDER_NAMES, type ContenderName } from './contenders/Contender.js';

export interface BenchArgs {
  quick: boolean;
  runs: number | undefined;
  warmup: number | undefined;
  only: string[] | undefined;
  contenders: ContenderName[];
  profile: boolean;
  verbose: boolean;
  out: string | undefined;
  table: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: pnpm bench [options]

Runs every workload against agentsdk, the official SDK, the raw Node limit and a pipe-only
baseline, each run in a fresh Node process, and prints a Markdown table. Results go to
bench/results/latest.json.

  --quick             small sizes and one run per contender (CI smoke check, no thresholds)
  --runs <n>          measured runs per contender (default 5; --quick: 1)
  --warmup <n>        unmeasured warm-up rounds (default 1; --quick: 0)
  --only <ids>        comma-separated row ids (stream-200B, tool-calls, line-64MiB, …)
  --contenders <list> comma-separated subset of ${CONTENDER_NAMES.join(', ')}
  --profile           run with --cpu-prof; profiles go to bench/results/profiles/
                      (summarize with: node dist/profileTop.js <file>)
  --out <file>        write the JSON there instead of bench/results/latest.json
  --table <file>      print the table of a saved results file (e.g. results/reference.json)
  --verbose           echo the measuring processes' output
  --help              this text
`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      contenders: { type: 'string' },
      profile: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      out: { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  const contenders = values.contenders?.split(',').map((name) => name.trim()) ?? [
    ...CONTENDER_NAMES,
  ];
  for (const name of contenders) {
    if (!(CONTENDER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`Unknown contender "${name}": use ${CONTENDER_NAMES.join(', ')}.`);
    }
  }
  const count = (value: string | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${flag} takes a whole number, got "${value}".`);
    return n;
  };
  return {
    quick: values.quick,
    runs: count(values.runs, '--runs'),
    warmup: count(values.warmup, '--warmup'),
    only: values.only?.split(',').map((id) => id.trim()),
    contenders: contenders as ContenderName[],
    profile: values.profile,
    verbose: values.verbose,
    out: values.out,
    table: values.table,
    help: values.help,
  };
}
