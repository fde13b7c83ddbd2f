import { describeError } from './describeError.js';
import { numberParam, type RunContext, type RunOutput } from './Workload.js';

interface TextMessage {
  message?: { content?: { text?: string }[] };
}

/**
 * One assistant line of `mib` MiB. Timed from the first message to the `result`, or to the
 * error for a line over V8's string limit (~512 MiB), where what matters is how the error
 * arrives: typed, untyped, or (the measuring process dies) a crash.
 */
export async function hugeLine({ contender, cliPath, params }: RunContext): Promise<RunOutput> {
  const mib = numberParam(params, 'mib');
  const env = { BENCH_WORKLOAD: 'hugeLine', BENCH_LINE_MIB: String(mib) };
  let first = 0;
  let end = 0;
  let textLength = -1;
  const problems: string[] = [];
  let outcome = 'ok';
  let detail: string | undefined;
  try {
    for await (const message of contender.open({ cliPath, env, withCalc: false })) {
      if (first === 0) first = performance.now();
      if (message.type === 'assistant') {
        textLength = (message as TextMessage).message?.content?.[0]?.text?.length ?? -1;
      } else if (message.type === 'result') {
        end = performance.now();
      }
    }
  } catch (error) {
    end = performance.now();
    const described = describeError(error);
    outcome = described.outcome;
    detail = described.message;
  }
  if (outcome === 'ok') {
    if (end === 0) problems.push('no result');
    if (contender.parses && textLength !== mib * 2 ** 20)
      problems.push(`text of ${textLength} chars`);
  }
  return {
    values: { seconds: (end - first) / 1000 },
    outcome,
    ...(detail !== undefined ? { detail } : {}),
    problems,
  };
}
