/**
 * Replay speed, measured and logged — never asserted (timings belong to benchmarks).
 * Run alone with: ./scripts/pnpm --filter @agentsdk/testing exec vitest run test/replayBenchmark.test.ts
 */
import { join } from 'node:path';
import { query } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import {
  fakeCliPath,
  parseFixture,
  replayTransport,
  serializeFixture,
  writeFixture,
} from '../src/index.js';
import { syntheticFixture } from './support/syntheticFixture.js';
import { tempDir } from './support/tempDir.js';

const MESSAGES = 10_000;
// Generous: these log timings, they do not assert them, and a loaded CI machine is slow.
const TIMEOUT = 120_000;

async function count(iterable: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of iterable) n += 1;
  return n;
}

describe(`replay of a ${MESSAGES.toLocaleString('en')}-message fixture`, () => {
  const fixture = syntheticFixture({ assistantMessages: MESSAGES - 6 });
  const total = fixture.records.filter((r) => r.dir === 'cli->sdk' || r.dir === 'sdk->cli').length;

  it(
    'in process (replayTransport + query)',
    async () => {
      const text = serializeFixture(fixture);
      const t0 = performance.now();
      const parsed = parseFixture(text, 'bench');
      const t1 = performance.now();
      const n = await count(query({ prompt: 'Say hello', transport: replayTransport(parsed) }));
      const t2 = performance.now();
      console.log(
        `[bench] ${total} messages (${(text.length / 1e6).toFixed(1)} MB): parse ${(t1 - t0).toFixed(1)} ms, ` +
          `replay through query() ${(t2 - t1).toFixed(1)} ms, total ${(t2 - t0).toFixed(1)} ms`,
      );
      expect(n).toBe(MESSAGES - 6 + 4);
    },
    TIMEOUT,
  );

  it(
    'through the fake CLI (real subprocess transport)',
    async () => {
      const file = join(tempDir(), 'big.jsonl');
      writeFixture(file, fixture);
      const t0 = performance.now();
      const n = await count(
        query({
          prompt: 'Say hello',
          options: { cliPath: fakeCliPath, env: { AGENTSDK_FIXTURE: file } },
        }),
      );
      const t1 = performance.now();
      console.log(
        `[bench] ${total} messages over stdio from the fake CLI: ${(t1 - t0).toFixed(1)} ms (process start included)`,
      );
      expect(n).toBe(MESSAGES - 6 + 4);
    },
    TIMEOUT,
  );
});
