import { ControlError, prewarm, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { toolResultsIn } from './wire.js';

const text = (t: string) => ({ content: [{ type: 'text' as const, text: t }] });

describe('prewarm() against the real CLI', () => {
  it('parks a spare before the folder is known, then claims it for the session folder', async () => {
    const t = await e2e([
      { content: [{ type: 'tool_use' as const, name: 'Bash', input: { command: 'echo x' } }] },
      text('Claimed and answering.'),
    ]);
    const { cwd, ...hostOptions } = t.options();
    const spare = await prewarm({ options: hostOptions });
    expect(t.server.mainRequests()).toHaveLength(0);
    const messages: SDKMessage[] = [];
    // A settings overlay before the claim (effortLevel) and after it (permissions); the CLI takes
    // maxThinkingTokens too (claimed resolves only when every request was accepted).
    const options = {
      cwd: cwd!,
      maxThinkingTokens: 0,
      settings: { effortLevel: 'low', permissions: { deny: ['Bash'] } },
    };
    for await (const m of spare.claim({ prompt: 'Where are you?', options })) messages.push(m);
    const claimed = await spare.claimed;
    expect(claimed.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(claimed.cwd).toBe(t.cwd);
    expect(messages.find((m) => m.type === 'result')).toMatchObject({
      result: 'Claimed and answering.',
      session_id: claimed.sessionId,
    });
    expect(messages.find((m) => m.type === 'system' && m.subtype === 'init')).toMatchObject({
      cwd: t.cwd,
    });
    const body = t.server.lastMainRequest()?.body ?? {};
    expect(body.output_config).toMatchObject({ effort: 'low' });
    expect(toolResultsIn(t.server.lastMainRequest())).toEqual([
      expect.objectContaining({ is_error: true }),
    ]);
  });

  it('reports a claim the CLI refuses as a ControlError, without sending the prompt', async () => {
    const t = await e2e([]);
    const { cwd, ...hostOptions } = t.options();
    const spare = await prewarm({ options: hostOptions });
    const q = spare.claim({
      prompt: 'never sent',
      options: { cwd: cwd!, env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } },
    });
    const seen: SDKMessage[] = [];
    const error = await (async () => {
      for await (const m of q) seen.push(m);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlError);
    expect((error as Error).message).toMatch(/env_key_not_claimable: ANTHROPIC_BASE_URL/);
    expect(seen.filter((m) => m.type === 'result')).toEqual([]);
    await expect(spare.claimed).rejects.toThrow(ControlError);
    expect(t.server.mainRequests()).toHaveLength(0);
  });
});
