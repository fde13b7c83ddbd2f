import { median } from '../stats.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

/**
 * Cold start: from `query()` (or spawn, for raw and pipe) to the first message, for `count`
 * sessions one after another in this process, after one unmeasured session.
 */
export async function coldStart({ contender, cliPath, params }: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  const env = { BENCH_WORKLOAD: 'coldStart' };
  const firsts: number[] = [];
  const problems: string[] = [];
  let cpuMs = 0;
  for (let i = 0; i <= count; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let first = 0;
    let sawResult = false;
    for await (const message of contender.open({ cliPath, env, withCalc: false })) {
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
