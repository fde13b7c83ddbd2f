import {
  forkSession,
  getSessionInfo,
  listSessions,
  listSubagents,
  query,
  readSession,
  readSubagent,
  renameSession,
  SessionNotFoundError,
  type SessionMessage,
} from '@agentsdk/core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, results, say } from './wire.js';

async function all(iterable: AsyncIterable<SessionMessage>): Promise<SessionMessage[]> {
  const out: SessionMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

const text = (m: SessionMessage): string => {
  const content = (m.message as { content: unknown }).content;
  if (typeof content === 'string') return content;
  const block = (content as Array<{ type: string; text?: string }>).find((b) => b.type === 'text');
  return block?.text ?? '';
};

describe('sessions as data, on transcripts the real CLI wrote', () => {
  it('lists, reads (with subagents), renames and forks a session, then resumes the fork', async () => {
    const t = await e2e(
      [
        callTool(
          'Agent',
          {
            description: 'Review',
            prompt: 'Review main.ts',
            subagent_type: 'reviewer',
            run_in_background: false,
          },
          'toolu_agent',
        ),
        say('The reviewer found nothing.'),
        say('Resumed fine.'),
      ],
      { subagentScript: [say('No bugs found.')] },
    );
    const configDir = join(t.home, '.claude');
    const messages = await collect(
      query({
        prompt: 'get a review',
        options: t.options({
          title: 'Review run',
          agents: { reviewer: { description: 'Reviews', prompt: 'Review.', tools: ['Read'] } },
          allowedTools: ['Agent'],
        }),
      }),
    );
    const sessionId = results(messages)[0]?.session_id as string;

    const [listed] = await listSessions({ configDir, dir: t.cwd });
    expect(listed).toMatchObject({ sessionId, summary: 'Review run', firstPrompt: 'get a review' });

    const conversation = await all(readSession(sessionId, { configDir }));
    expect(conversation[0]).toMatchObject({ type: 'user', session_id: sessionId });
    expect(text(conversation[0] as SessionMessage)).toBe('get a review');
    expect(text(conversation.at(-1) as SessionMessage)).toBe('The reviewer found nothing.');

    const [agentId] = await listSubagents(sessionId, { configDir });
    const sub = await all(readSubagent(sessionId, agentId as string, { configDir }));
    expect(sub.map(text)).toEqual(['Review main.ts', 'No bugs found.']);

    await renameSession(sessionId, 'Renamed', { configDir });
    expect((await getSessionInfo(sessionId, { configDir })).summary).toBe('Renamed');

    const fork = await forkSession(sessionId, { configDir, title: 'The fork' });
    const resumed = await collect(
      query({ prompt: 'continue', options: t.options({ resume: fork.sessionId }) }),
    );
    expect(results(resumed)[0]).toMatchObject({ subtype: 'success', result: 'Resumed fine.' });
    // The CLI resumed the fork with the whole conversation before the new prompt.
    const forked = await all(readSession(fork.sessionId, { configDir }));
    expect(forked.map(text)).toContain('get a review');
    expect(text(forked.at(-1) as SessionMessage)).toBe('Resumed fine.');

    await expect(
      getSessionInfo('00000000-0000-4000-8000-000000000000', { configDir }),
    ).rejects.toThrow(SessionNotFoundError);
  });
});
