import { query, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, results, say, textSeen } from './wire.js';

const reviewer = {
  description: 'Reviews code for bugs',
  prompt: 'You are a meticulous code reviewer. REVIEWER-PROMPT-MARK',
  tools: ['Read'],
};

describe('agents and background turns against the real CLI', () => {
  it('runs a subagent defined through options.agents', async () => {
    const t = await e2e(
      [
        callTool(
          'Agent',
          {
            description: 'Review code',
            prompt: 'Review main.ts',
            subagent_type: 'reviewer',
            run_in_background: false,
          },
          'toolu_agent',
        ),
        say('The reviewer found nothing.'),
      ],
      { subagentScript: [say('No bugs found.')] },
    );
    const messages = await collect(
      query({
        prompt: 'get a review',
        options: t.options({
          agents: { reviewer },
          allowedTools: ['Agent'],
          forwardSubagentText: true,
        }),
      }),
    );
    const init = messages.find((m) => m.type === 'system' && m.subtype === 'init');
    expect(init?.type === 'system' && init.subtype === 'init' ? init.agents : []).toContain(
      'reviewer',
    );
    const [sub] = t.server.requestsOfKind('subagent');
    expect(textSeen(sub)).toContain('REVIEWER-PROMPT-MARK');
    const fromSubagent = messages.filter(
      (m) => m.type === 'assistant' && m.parent_tool_use_id === 'toolu_agent',
    );
    expect(fromSubagent.map((m) => (m.type === 'assistant' ? m.message.content : []))).toEqual([
      [expect.objectContaining({ type: 'text', text: 'No bugs found.' })],
    ]);
    expect(results(messages)[0]).toMatchObject({
      subtype: 'success',
      result: 'The reviewer found nothing.',
    });
  });

  it('keeps the session open for a background subagent turn after the first result', async () => {
    const t = await e2e(
      [
        callTool(
          'Agent',
          {
            description: 'Background review',
            prompt: 'Review everything',
            subagent_type: 'reviewer',
            run_in_background: true,
          },
          'toolu_bg',
        ),
        say('Started a background review.'),
        say('The background review is done.'),
      ],
      {
        subagentScript: [
          {
            content: [{ type: 'text', text: 'Background review finished: all good.' }],
            stall: true,
          },
        ],
      },
    );
    const seen: SDKMessage[] = [];
    for await (const m of query({
      prompt: 'review in the background',
      options: t.options({ agents: { reviewer }, allowedTools: ['Agent'] }),
    })) {
      seen.push(m);
      // The first result arrives while the subagent is still working; let it finish now.
      if (m.type === 'result' && results(seen).length === 1) t.server.release();
    }
    const rs = results(seen);
    expect(rs.map((r) => (r.subtype === 'success' ? r.result : r.subtype))).toEqual([
      'Started a background review.',
      'The background review is done.',
    ]);
  });
});
