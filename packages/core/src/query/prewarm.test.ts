import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { echoCli, FakeTransport } from '../../test/FakeTransport.js';
import { ControlError } from '../errors/ControlError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import { prewarm } from './prewarm.js';

type Msg = Record<string, unknown>;

/** A spare CLI: answers claim_session like 2.1.331 does, then behaves as the echo CLI. */
function spareCli(message: Msg, fake: FakeTransport): void {
  const request = message.request as Msg | undefined;
  if (message.type === 'control_request' && request?.subtype === 'claim_session') {
    fake.emit({
      type: 'control_response',
      response: {
        subtype: 'success',
        request_id: message.request_id,
        response: {
          status: 'ok',
          cwd: request.cwd,
          session_id: 's1',
          parked_ms: 12,
          sdk_mcp_settled: true,
        },
      },
    });
    return;
  }
  echoCli(message, fake);
}

const subtypes = (fake: FakeTransport) =>
  fake.written.map((m) => (m.type === 'control_request' ? (m.request as Msg).subtype : m.type));

describe('prewarm()', () => {
  it('initializes, then claims with the session options, sets the model, and only then sends the prompt', async () => {
    const fake = new FakeTransport(spareCli);
    const spare = await prewarm({ transport: fake });
    expect(subtypes(fake)).toEqual(['initialize']);
    const messages: SDKMessage[] = [];
    const q = spare.claim({
      prompt: 'hi',
      options: {
        cwd: '/work/app',
        env: { CLAUDE_CODE_OAUTH_TOKEN: 't' },
        addDirs: ['/work/lib'],
        permissionMode: 'acceptEdits',
        model: 'claude-x',
        appendSystemPrompt: 'Be brief.',
        title: 'App',
      },
    });
    for await (const m of q) messages.push(m);
    expect(subtypes(fake)).toEqual(['initialize', 'claim_session', 'set_model', 'user']);
    expect(fake.written[1]?.request).toEqual({
      subtype: 'claim_session',
      cwd: '/work/app',
      env: { CLAUDE_CODE_OAUTH_TOKEN: 't' },
      additional_directories: ['/work/lib'],
      permission_mode: 'acceptEdits',
      append_system_prompt: 'Be brief.',
      title: 'App',
    });
    expect(fake.written[3]).toMatchObject({ session_id: 's1' });
    await expect(spare.claimed).resolves.toEqual({
      sessionId: 's1',
      cwd: '/work/app',
      parkedMs: 12,
    });
    expect(messages.find((m) => m.type === 'result')).toMatchObject({ result: 'echo: hi' });
    expect(() => spare.claim({ prompt: 'again', options: { cwd: '/x' } })).toThrow(
      /already sent: a spare serves one session/,
    );
  });

  it('parks in a private folder of its own and removes it when the spare is closed unclaimed', async () => {
    const fake = new FakeTransport(spareCli);
    const spare = await prewarm({ transport: fake });
    const parking = (spare as unknown as { parking: string }).parking;
    expect((await stat(parking)).isDirectory()).toBe(true);
    await expect(spare.claimed).rejects.toThrow(InvalidArgumentError);
    await spare.close();
    expect(fake.closed).toBe(true);
    await expect(stat(parking)).rejects.toThrow(/ENOENT/);
    expect(() => spare.claim({ prompt: 'late', options: { cwd: '/x' } })).toThrow(/was closed/);
  });

  it('needs the session folder at the claim', async () => {
    const spare = await prewarm({ transport: new FakeTransport(spareCli) });
    expect(() => spare.claim({ prompt: 'x', options: {} as never })).toThrow(/options\.cwd/);
    await spare.close();
  });

  it("applies a claim's settings overlay around the claim and sets maxThinkingTokens before the prompt", async () => {
    const fake = new FakeTransport(spareCli);
    const spare = await prewarm({ transport: fake });
    const q = spare.claim({
      prompt: 'hi',
      options: {
        cwd: '/work/app',
        maxThinkingTokens: null,
        settings: { effortLevel: 'high', deniedMcpServers: [], model: 'claude-y', fastMode: true },
      },
    });
    for await (const _ of q) void _;
    expect(subtypes(fake)).toEqual([
      'initialize',
      'apply_flag_settings',
      'claim_session',
      'set_max_thinking_tokens',
      'apply_flag_settings',
      'user',
    ]);
    expect(fake.written[1]?.request).toMatchObject({
      settings: { effortLevel: 'high', deniedMcpServers: [] },
    });
    expect(fake.written[3]?.request).toMatchObject({ max_thinking_tokens: null });
    expect(fake.written[4]?.request).toMatchObject({
      settings: { model: 'claude-y', fastMode: true },
    });
  });

  it('refuses hook settings at the claim before sending anything', async () => {
    const fake = new FakeTransport(spareCli);
    const spare = await prewarm({ transport: fake });
    expect(() =>
      spare.claim({ prompt: 'x', options: { cwd: '/w', settings: { disableAllHooks: true } } }),
    ).toThrow(/hook settings \(disableAllHooks\)/);
    expect(() =>
      spare.claim({ prompt: 'x', options: { cwd: '/w', maxThinkingTokens: -1 } }),
    ).toThrow(/maxThinkingTokens/);
    expect(subtypes(fake)).toEqual(['initialize']);
    await spare.close();
  });

  it('does not claim or send the prompt when the CLI refuses the overlay', async () => {
    const fake = new FakeTransport((message, f) => {
      const request = message.request as Msg | undefined;
      if (request?.subtype === 'apply_flag_settings') {
        f.emit({
          type: 'control_response',
          response: { subtype: 'error', request_id: message.request_id, error: 'bad setting' },
        });
        return;
      }
      spareCli(message, f);
    });
    const spare = await prewarm({ transport: fake });
    const q = spare.claim({ prompt: 'x', options: { cwd: '/w', settings: { effortLevel: 1 } } });
    await expect(
      (async () => {
        for await (const _ of q) void _;
      })(),
    ).rejects.toThrow(/apply_flag_settings.*bad setting/);
    await expect(spare.claimed).rejects.toThrow(ControlError);
    expect(subtypes(fake)).toEqual(['initialize', 'apply_flag_settings']);
  });
});
