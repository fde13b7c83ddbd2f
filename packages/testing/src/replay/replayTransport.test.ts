import { query, type CanUseTool, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_SESSION_ID, syntheticFixture } from '../../test/support/syntheticFixture.js';
import { collect } from '../assertions/collect.js';
import { ignorePaths } from './matchers.js';
import { ReplayDivergenceError } from './ReplayDivergenceError.js';
import { replayTransport } from './replayTransport.js';

const permissionAsk = syntheticFixture({
  middle: (add) => {
    add({
      dir: 'cli->sdk',
      msg: {
        type: 'control_request',
        request_id: 'perm-1',
        request: {
          subtype: 'can_use_tool',
          tool_name: 'Bash',
          input: { command: 'touch x' },
          permission_suggestions: [],
          tool_use_id: 'toolu_1',
        },
      },
    });
    add({
      dir: 'sdk->cli',
      msg: {
        type: 'control_response',
        response: {
          subtype: 'success',
          request_id: 'perm-1',
          response: { behavior: 'deny', message: 'No files.', toolUseID: 'toolu_1' },
        },
      },
    });
  },
});

describe('replayTransport', () => {
  it('plays the CLI side: the recorded messages come out, initialize is answered', async () => {
    const transport = replayTransport(syntheticFixture({ assistantMessages: 2 }));
    const q = query({ prompt: 'Say hello', transport });
    const info = q.getServerInfo();
    const messages = await collect(q);
    expect(messages.map((m) => `${m.type}${'subtype' in m ? `/${m.subtype}` : ''}`)).toEqual([
      'system/session_state_changed',
      'system/init',
      'assistant',
      'assistant',
      'result/success',
      'system/session_state_changed',
    ]);
    await expect(info).resolves.toMatchObject({ claude_code_version: '2.1.331' });
    expect(q.sessionId).toBe(SYNTHETIC_SESSION_ID);
    const report = await transport.finished();
    expect(report).toMatchObject({ divergences: [], complete: true, delivered: 7, written: 2 });
  });

  it('strict: a different prompt fails the session with a readable diff', async () => {
    const transport = replayTransport(syntheticFixture());
    const error = await collect(query({ prompt: 'Say goodbye', transport })).catch(
      (e: unknown) => e,
    );
    expect(ReplayDivergenceError.is(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(
      'The user message "Say hello" does not match the recording (synthetic, seq 2)',
    );
    expect(message).toContain(
      'message.content[0].text\n    expected: "Say hello"\n    actual:   "Say goodbye"',
    );
    expect(transport.divergences).toHaveLength(1);
  });

  it('lenient: the session runs on and the divergences are reported', async () => {
    const transport = replayTransport(syntheticFixture(), { mode: 'lenient' });
    const messages = await collect(query({ prompt: 'Say goodbye', transport }));
    expect(messages.at(-2)).toMatchObject({ type: 'result', subtype: 'success' });
    expect(transport.divergences.map((d) => d.kind)).toEqual(['mismatch']);
    expect(() => transport.assertNoDivergences()).toThrow(/Say goodbye/);
  });

  it('user matchers can accept a difference', async () => {
    const transport = replayTransport(syntheticFixture(), {
      matchers: [ignorePaths('message.content[*].text')],
    });
    await collect(query({ prompt: 'Something else', transport }));
    expect(transport.divergences).toEqual([]);
  });

  it("delivers the CLI's permission ask to canUseTool and checks the answer", async () => {
    const asked: string[] = [];
    const canUseTool: CanUseTool = (tool, input) => {
      asked.push(`${tool} ${String(input.command)}`);
      return { behavior: 'deny', message: 'No files.' };
    };
    const transport = replayTransport(permissionAsk);
    await collect(query({ prompt: 'Say hello', options: { canUseTool }, transport }));
    expect(asked).toEqual(['Bash touch x']);
    expect(transport.divergences).toEqual([]);
    expect(transport.answers).toEqual([
      expect.objectContaining({
        requestId: 'perm-1',
        request: expect.objectContaining({ subtype: 'can_use_tool', tool_name: 'Bash' }),
        response: expect.objectContaining({
          response: { behavior: 'deny', message: 'No files.', toolUseID: 'toolu_1' },
        }),
      }),
    ]);
  });

  it('strict: a changed permission answer fails with the path of the change', async () => {
    const canUseTool: CanUseTool = () => ({ behavior: 'allow' });
    const transport = replayTransport(permissionAsk);
    const error = await collect(
      query({ prompt: 'Say hello', options: { canUseTool }, transport }),
    ).catch((e: unknown) => e as Error);
    expect(String(error)).toContain(
      'The answer to can_use_tool for Bash does not match the recording',
    );
    expect(String(error)).toContain(
      'response.response.behavior\n    expected: "deny"\n    actual:   "allow"',
    );
  });

  it('lenient: a changed answer is reported and the session goes on', async () => {
    // No canUseTool: the SDK answers can_use_tool with an error, not the recorded deny.
    const transport = replayTransport(permissionAsk, { mode: 'lenient', timeoutMs: 50 });
    const messages: SDKMessage[] = await collect(query({ prompt: 'Say hello', transport }));
    expect(messages.at(-2)).toMatchObject({ type: 'result' });
    expect(transport.divergences.map((d) => d.kind)).toEqual(['mismatch']);
  });

  it('waits for the SDK where the recording has it write (an interrupt), and rewrites ids', async () => {
    const transport = replayTransport(withInterrupt);
    const q = query({ prompt: 'Say hello', transport });
    for await (const m of q) {
      if (m.type === 'system' && m.subtype === 'init') await q.interrupt();
    }
    expect(transport.divergences).toEqual([]);
  });

  it('strict: a write the recording expects and the SDK never makes fails after the bound', async () => {
    const transport = replayTransport(withInterrupt, { timeoutMs: 30 });
    const error = await collect(query({ prompt: 'Say hello', transport })).catch((e: unknown) => e);
    expect(ReplayDivergenceError.is(error)).toBe(true);
    expect(String(error)).toContain(
      'The recording (synthetic, seq 6) expects control_request interrupt here, but the SDK wrote nothing within 30 ms.',
    );
  });

  it('strict: a write the recording does not have fails', async () => {
    const transport = replayTransport(withInterrupt);
    const q = query({ prompt: 'Say hello', transport });
    let error: unknown;
    try {
      for await (const m of q) {
        // setModel itself fails when the replay ends the session; the iterator says why.
        if (m.type === 'system' && m.subtype === 'init') {
          await q.setModel('claude-sonnet-4-5').catch(() => {});
        }
      }
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain(
      'The SDK wrote control_request set_model, which the recording (synthetic, at seq 6) does not have there',
    );
  });
});

const withInterrupt = syntheticFixture({
  middle: (add) => {
    add({
      dir: 'sdk->cli',
      msg: { type: 'control_request', request_id: 'req_rec_2', request: { subtype: 'interrupt' } },
    });
    add({
      dir: 'cli->sdk',
      msg: {
        type: 'control_response',
        response: { subtype: 'success', request_id: 'req_rec_2', response: { still_queued: [] } },
      },
    });
  },
});
