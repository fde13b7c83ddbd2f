import { numberParam, type RunContext, type RunOutput } from './Workload.js';

/**
 * Fixture replay: a recorded session of `count` assistant messages played back through
 * `@agentsdk/testing`'s replay transport (agentsdk) or read and parsed by hand (raw). Timed from
 * the call, loading the fixture included, to the `result`.
 */
export async function replay({ contender, params }: RunContext): Promise<RunOutput> {
  const count = numberParam(params, 'count');
  if (!contender.replay) throw new Error(`${contender.name} cannot replay fixtures`);
  const start = performance.now();
  let end = 0;
  let assistants = 0;
  for await (const message of contender.replay(String(params.fixture))) {
    if (message.type === 'assistant') assistants += 1;
    else if (message.type === 'result') end = performance.now();
  }
  const problems: string[] = [];
  if (end === 0) problems.push('no result');
  if (assistants !== count) problems.push(`got ${assistants} of ${count} assistant messages`);
  const ms = end - start;
  return { values: { msgPerSec: (count / ms) * 1000, ms }, problems };
}
