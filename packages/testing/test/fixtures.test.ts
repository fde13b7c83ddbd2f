/**
 * Every fixture of the library replays against the SDK side it was recorded with — strict, so
 * any change in what the SDK writes (initialize, prompts, permission answers, hook outputs,
 * tool results) fails here. Regenerate with `./scripts/pnpm --filter @agentsdk/testing fixtures:record`.
 */
import { query, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { readFixture, replayTransport, toolCalls } from '../src/index.js';
import { scenarios } from '../scripts/scenarios.js';

const fixture = (name: string) => new URL(`../fixtures/${name}.jsonl`, import.meta.url);

const expected: Record<string, { results: string[]; seen?: string[]; tools?: string[] }> = {
  text: { results: ['success'] },
  'multi-turn': { results: ['success', 'success'] },
  'tool-call': { results: ['success'], tools: ['mcp__calc__add'] },
  'permission-deny': { results: ['success'], seen: ['Bash: touch denied.txt'], tools: ['Bash'] },
  'permission-allow': {
    results: ['success'],
    seen: ['Bash: touch asked-for.txt'],
    tools: ['Bash'],
  },
  hooks: {
    results: ['success'],
    seen: ['UserPromptSubmit', 'PreToolUse: Bash', 'PostToolUse: Read'],
    tools: ['Bash', 'Read'],
  },
  interrupt: { results: ['error_during_execution'] },
  'structured-output': { results: ['success'], tools: ['StructuredOutput'] },
  'max-turns': { results: ['error_max_turns'], tools: ['Read'] },
};

describe('fixture library', () => {
  it('has a fixture for every scenario, recorded from the real CLI', () => {
    expect(scenarios.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
    for (const { name } of scenarios) {
      expect(readFixture(fixture(name)).header).toMatchObject({
        name,
        cli_version: expect.any(String),
      });
    }
  });

  for (const scenario of scenarios) {
    it(`replays ${scenario.name} strictly`, async () => {
      const session = scenario.session();
      const transport = replayTransport(fixture(scenario.name));
      const q = query({ prompt: session.prompt, options: session.options, transport });
      const messages: SDKMessage[] = [];
      for await (const message of q) {
        messages.push(message);
        await session.onMessage?.(message, q);
      }
      const report = await transport.finished();
      expect(report.divergences).toEqual([]);
      expect(report.complete).toBe(true);
      const want = expected[scenario.name];
      expect(messages.filter((m) => m.type === 'result').map((m) => m.subtype)).toEqual(
        want?.results,
      );
      expect(session.seen).toEqual(want?.seen ?? []);
      expect(toolCalls(messages).map((c) => c.name)).toEqual(want?.tools ?? []);
    });
  }

  it('the tool-call fixture runs the real tool handler with the recorded input', async () => {
    const session = scenarios.find((s) => s.name === 'tool-call')?.session();
    if (!session?.calc) throw new Error('tool-call scenario has no calculator');
    const transport = replayTransport(fixture('tool-call'));
    for await (const _ of query({ prompt: session.prompt, options: session.options, transport }));
    expect(session.calc.calls).toEqual([{ tool: 'add', args: { a: 2, b: 3 } }]);
    expect(transport.answers.map((a) => (a.request.message as { method: string }).method)).toEqual([
      'initialize',
      'notifications/initialized',
      'tools/list',
      'tools/call',
    ]);
  });
});
