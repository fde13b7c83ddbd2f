import { percentile } from '../stats.js';
import { readReport } from './readReport.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

interface ToolCallReport {
  rtts: number[];
  elapsedMs: number;
  failed: number;
  wrong: number;
}

/**
 * Sequential in-process MCP tool calls: the fake CLI sends `count` `mcp_message` tools/call
 * requests one after another and times each round trip on its side of the pipe.
 */
export async function toolCalls({
  contender,
  cliPath,
  reportPath,
  params,
}: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  const env = { BENCH_WORKLOAD: 'toolcalls', BENCH_COUNT: String(count), BENCH_REPORT: reportPath };
  let sawResult = false;
  for await (const message of contender.open({ cliPath, env, withCalc: true })) {
    if (message.type === 'result') sawResult = true;
  }
  const problems: string[] = [];
  if (!sawResult) problems.push('no result');
  const report = readReport<ToolCallReport>(reportPath);
  if (!report) return { values: {}, problems: [...problems, 'the fake CLI wrote no report'] };
  if (report.failed) problems.push(`${report.failed} tool calls failed`);
  if (contender.parses && report.wrong) problems.push(`${report.wrong} wrong sums`);
  return {
    values: {
      callsPerSec: (count / report.elapsedMs) * 1000,
      p50: percentile(report.rtts, 50),
      p99: percentile(report.rtts, 99),
    },
    problems,
  };
}
