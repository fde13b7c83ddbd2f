import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { query } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { calculator } from '../../test/support/calculator.js';
import { parseFixture } from '../fixture/parseFixture.js';
import { replayTransport } from './replayTransport.js';
import { ReplayDivergenceError } from './ReplayDivergenceError.js';

const fixture = fileURLToPath(new URL('../../fixtures/tool-call.jsonl', import.meta.url));

describe('a failing strict replay', () => {
  it('prints the agentsdk view --diff command for the recording and this run', async () => {
    const calc = calculator((_tool, a, b) => a + b + 1);
    const transport = replayTransport(fixture);
    let error: unknown;
    try {
      for await (const _ of query({
        prompt: 'What is 2 + 3? Use the calculator.',
        options: { mcpServers: { calc }, allowedTools: ['mcp__calc__add'] },
        transport,
      }));
    } catch (e) {
      error = e;
    }
    expect(ReplayDivergenceError.is(error)).toBe(true);
    const { viewCommand, message } = error as ReplayDivergenceError;
    const match =
      /^npx agentsdk view --diff (\S+) (\S+agentsdk-replay\/tool-call\.actual\.jsonl)$/.exec(
        viewCommand ?? '',
      );
    expect(match?.[1]).toBe(fixture);
    expect(message).toContain(`See both side by side: ${viewCommand}`);
    // The run's copy is the recording with the SDK's actual answer in place of the recorded one.
    const actual = parseFixture(readFileSync(match?.[2] ?? '', 'utf8'));
    const recorded = parseFixture(readFileSync(fixture, 'utf8'));
    expect(actual.records).toHaveLength(recorded.records.length);
    const answers = (records: typeof actual.records): string[] =>
      records.flatMap((r) =>
        r.dir === 'sdk->cli' &&
        JSON.stringify(r.msg).includes('"mcp_response"') &&
        JSON.stringify(r.msg).includes('"content"')
          ? [JSON.stringify(r.msg).match(/"text":"(\d+)"/)?.[1] ?? '']
          : [],
      );
    expect(answers(recorded.records)).toEqual(['5']);
    expect(answers(actual.records)).toEqual(['6']);
  });
});
