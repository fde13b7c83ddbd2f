import { readReport } from './readReport.js';
import { sleep } from './sleep.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

interface SlowConsumerReport {
  rtt: number;
  ok: boolean;
  correct: boolean;
  answeredAt: number;
}

/**
 * A slow consumer: it sleeps `sleepMs` per assistant message while the fake CLI, having written
 * `count` of them, sends one tool call. The call must be answered while the consumer sleeps,
 * not after it has caught up.
 */
export async function slowConsumer({
  contender,
  cliPath,
  reportPath,
  params,
}: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  const sleepMs = numberParam(params, 'sleepMs');
  const env = {
    BENCH_WORKLOAD: 'slowConsumer',
    BENCH_COUNT: String(count),
    BENCH_TEXT: String(params.text),
    BENCH_REPORT: reportPath,
  };
  let first = 0;
  let caughtUp = 0;
  let assistants = 0;
  for await (const message of contender.open({ cliPath, env, withCalc: true })) {
    if (first === 0) first = Date.now();
    if (message.type !== 'assistant') continue;
    assistants += 1;
    await sleep(sleepMs);
    if (assistants === count) caughtUp = Date.now();
  }
  const problems: string[] = [];
  const report = readReport<SlowConsumerReport>(reportPath);
  if (!report) return { values: {}, problems: ['the fake CLI wrote no report'] };
  if (!report.ok) problems.push('the tool call failed');
  else if (!report.correct) problems.push('wrong sum');
  return {
    values: {
      rttMs: report.rtt,
      stallMs: caughtUp - first,
      answeredWhileStalled: report.answeredAt < caughtUp ? 1 : 0,
    },
    outcome: report.answeredAt < caughtUp ? 'answered while stalled' : 'waited for the consumer',
    problems,
  };
}
