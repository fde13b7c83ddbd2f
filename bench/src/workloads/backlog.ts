import { existsSync } from 'node:fs';
import { sleep } from './sleep.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

/** How long the reader gets, after the CLI has written everything, to empty the pipe. */
const SETTLE_MS = 500;

/**
 * Backlog drain: the consumer takes the first message and then stalls until the fake CLI has
 * written all `count` messages (the SDK queues them), then drains the queue. Linear queues
 * drain in a fraction of a second; `Array.shift()` queues take quadratic time.
 */
export async function backlog({
  contender,
  cliPath,
  reportPath,
  params,
}: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  const env = {
    BENCH_WORKLOAD: 'backlog',
    BENCH_COUNT: String(count),
    BENCH_TEXT: String(params.text),
    BENCH_REPORT: reportPath,
  };
  const messages = contender.open({ cliPath, env, withCalc: false })[Symbol.asyncIterator]();
  const problems: string[] = [];
  const firstStep = await messages.next();
  if (firstStep.done) return { values: {}, problems: ['no messages'] };
  const stallStart = performance.now();
  while (!existsSync(reportPath)) await sleep(10);
  await sleep(SETTLE_MS);
  const start = performance.now();
  let assistants = 0;
  let end = 0;
  for (let step = await messages.next(); !step.done; step = await messages.next()) {
    if (step.value.type === 'assistant') assistants += 1;
    else if (step.value.type === 'result') end = performance.now();
  }
  if (end === 0) problems.push('no result');
  if (assistants !== count) problems.push(`got ${assistants} of ${count} assistant messages`);
  const drainMs = end - start;
  return {
    values: { drainMs, drainPerSec: (count / drainMs) * 1000, stallMs: start - stallStart },
    problems,
  };
}
