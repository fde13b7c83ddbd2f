import { median } from '../stats.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

/**
 * Warm start: the CLI is started and initialized ahead (`startup()`, not measured); from the
 * prompt to the first message, for `count` sessions one after another, after one unmeasured one.
 */
export async function warmStart({ contender, cliPath, params }: RunContext): Promise<RunOutput> {
  if (!contender.warm) throw new Error(`${contender.name} has no startup()`);
  const count = numberParam(params, 'count');
  const env = { BENCH_WORKLOAD: 'coldStart' };
  const firsts: number[] = [];
  const problems: string[] = [];
  let cpuMs = 0;
  for (let i = 0; i <= count; i++) {
    const warm = await contender.warm({ cliPath, env, withCalc: false });
    const cpu = process.cpuUsage();
    const start = performance.now();
    let first = 0;
    let sawResult = false;
    for await (const message of warm.query()) {
      if (first === 0) first = performance.now() - start;
      if (message.type === 'result') sawResult = true;
    }
    if (!sawResult) problems.push(`session ${i}: no result`);
    if (i === 0) continue;
    firsts.push(first);
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
  }
  return {
    values: { ms: median(firsts), fastest: Math.min(...firsts) },
    cpuMs: cpuMs / count,
    problems,
  };
}
