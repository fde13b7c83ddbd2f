import { join } from 'node:path';
import { FAKE_CLI } from '../paths.js';

/**
 * Record a fixture for the replay row: one real session of our SDK against the fake CLI
 * streaming `count` assistant messages, through `@agentsdk/testing`'s recording transport.
 * Runs in the orchestrator, once, before the row's measured runs.
 */
export async function recordFixture(count: number, dir: string): Promise<string> {
  const { query } = await import('@agentsdk/core');
  const { recordingTransport } = await import('@agentsdk/testing');
  const path = join(dir, `replay-${count}.jsonl`);
  const options = {
    cliPath: FAKE_CLI,
    env: { BENCH_WORKLOAD: 'stream', BENCH_COUNT: String(count), BENCH_TEXT: '200' },
  };
  const transport = recordingTransport({ path, options, name: `bench-replay-${count}` });
  let messages = 0;
  for await (const _message of query({ prompt: 'bench', options, transport })) messages += 1;
  await transport.recorded();
  if (messages < count) throw new Error(`recording got ${messages} messages, wanted ${count}`);
  return path;
}
