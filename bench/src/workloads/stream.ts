import { readReport } from './readReport.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

/**
 * Throughput: the fake CLI streams `count` pre-built assistant lines as fast as the pipe takes
 * them; timed from the first message to the `result`, as the consumer sees them.
 */
export async function stream({
  contender,
  cliPath,
  reportPath,
  params,
}: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  const env = {
    BENCH_WORKLOAD: 'stream',
    BENCH_COUNT: String(count),
    BENCH_TEXT: String(params.text),
    BENCH_REPORT: reportPath,
  };
  let first = 0;
  let end = 0;
  let assistants = 0;
  let cpu = process.cpuUsage();
  let windowCpu = { user: Number.NaN, system: 0 };
  for await (const message of contender.open({ cliPath, env, withCalc: false })) {
    if (first === 0) {
      first = performance.now();
      cpu = process.cpuUsage();
    }
    if (message.type === 'assistant') assistants += 1;
    else if (message.type === 'result') {
      end = performance.now();
      windowCpu = process.cpuUsage(cpu);
    }
  }
  const problems: string[] = [];
  if (end === 0) problems.push('no result');
  if (contender.parses && assistants !== count) {
    problems.push(`got ${assistants} of ${count} assistant messages`);
  }
  const ms = end - first;
  const bytes = readReport<{ bytes: number }>(reportPath)?.bytes ?? Number.NaN;
  return {
    values: {
      msgPerSec: (count / ms) * 1000,
      ms,
      mibPerSec: bytes / 2 ** 20 / (ms / 1000),
      /** CPU of this process between the first message and the result. */
      streamCpuMs: (windowCpu.user + windowCpu.system) / 1000,
      /** The same per message: what each message costs, less sensitive to machine load. */
      cpuUsPerMsg: (windowCpu.user + windowCpu.system) / count,
    },
    problems,
  };
}
