import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeSDKClient, query, type CanUseTool, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, results, say, toolResultsIn } from './wire.js';

// `touch` is not auto-allowed by the CLI, so it always reaches canUseTool (docs/protocol.md §4.2).
const touch = (file: string, id?: string) =>
  callTool('Bash', { command: `touch ${file}`, description: `Create ${file}` }, id);

describe('canUseTool against the real CLI', () => {
  it('denies: the model reads the message and the denial is listed in the result', async () => {
    const t = await e2e([touch('denied.txt', 'toolu_deny'), say('ok, not creating it')]);
    const asked: string[] = [];
    const canUseTool: CanUseTool = (toolName, input) => {
      asked.push(`${toolName}:${String(input.command)}`);
      return { behavior: 'deny', message: 'Creating files is not allowed here.' };
    };
    const [result] = results(
      await collect(query({ prompt: 'create the file', options: t.options({ canUseTool }) })),
    );
    expect(asked).toEqual(['Bash:touch denied.txt']);
    expect(existsSync(join(t.cwd, 'denied.txt'))).toBe(false);
    expect(toolResultsIn(t.server.lastMainRequest())).toContainEqual(
      expect.objectContaining({
        tool_use_id: 'toolu_deny',
        is_error: true,
        content: 'Creating files is not allowed here.',
      }),
    );
    expect(result?.permission_denials).toEqual([
      expect.objectContaining({ tool_name: 'Bash', tool_use_id: 'toolu_deny' }),
    ]);
  });

  it('allows with rewritten input: the tool runs the new input', async () => {
    const t = await e2e([touch('asked-for.txt'), say('done')]);
    const canUseTool: CanUseTool = (_tool, input) => ({
      behavior: 'allow',
      updatedInput: { ...input, command: 'touch rewritten.txt' },
    });
    await collect(query({ prompt: 'create it', options: t.options({ canUseTool }) }));
    expect(existsSync(join(t.cwd, 'rewritten.txt'))).toBe(true);
    expect(existsSync(join(t.cwd, 'asked-for.txt'))).toBe(false);
  });

  it('allows with updatedPermissions: the next call is not asked', async () => {
    const t = await e2e([touch('one.txt'), touch('two.txt'), say('both done')]);
    let asked = 0;
    const canUseTool: CanUseTool = () => {
      asked += 1;
      return {
        behavior: 'allow',
        updatedPermissions: [
          {
            type: 'addRules',
            rules: [{ toolName: 'Bash' }],
            behavior: 'allow',
            destination: 'session',
          },
        ],
      };
    };
    await collect(query({ prompt: 'create two files', options: t.options({ canUseTool }) }));
    expect(asked).toBe(1);
    expect(existsSync(join(t.cwd, 'one.txt')) && existsSync(join(t.cwd, 'two.txt'))).toBe(true);
  });

  it('denies with interrupt: the turn ends with error_during_execution', async () => {
    const t = await e2e([touch('x.txt')]);
    const canUseTool: CanUseTool = () => ({
      behavior: 'deny',
      message: 'stop everything',
      interrupt: true,
    });
    const [result] = results(
      await collect(query({ prompt: 'go', options: t.options({ canUseTool }) })),
    );
    expect(result).toMatchObject({ subtype: 'error_during_execution', is_error: true });
  });

  it('fails closed when the callback throws, and the session goes on', async () => {
    const t = await e2e([touch('y.txt', 'toolu_throw'), say('understood')]);
    const warnings: string[] = [];
    const canUseTool: CanUseTool = () => {
      throw new Error('policy service unreachable');
    };
    const [result] = results(
      await collect(
        query({
          prompt: 'go',
          options: t.options({ canUseTool, onWarning: (w) => warnings.push(w.message) }),
        }),
      ),
    );
    expect(existsSync(join(t.cwd, 'y.txt'))).toBe(false);
    expect(result).toMatchObject({ subtype: 'success', result: 'understood' });
    const denial = toolResultsIn(t.server.lastMainRequest()).find(
      (r) => r.tool_use_id === 'toolu_throw',
    );
    expect(JSON.stringify(denial?.content)).toContain('policy service unreachable');
    expect(warnings.join('\n')).toContain('policy service unreachable');
  });

  it('aborts the callback signal when an interrupt cancels a pending permission request', async () => {
    const t = await e2e([touch('z.txt'), say('after')]);
    let signal: AbortSignal | undefined;
    let markAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (markAsked = resolve));
    const canUseTool: CanUseTool = (_tool, _input, context) => {
      signal = context.signal;
      markAsked();
      // Never answers by itself: only the cancel ends it.
      return new Promise((_resolve, reject) =>
        context.signal.addEventListener('abort', () => reject(new Error('cancelled'))),
      );
    };
    await using client = new ClaudeSDKClient(t.options({ canUseTool }));
    await client.connect();
    await client.query('go');
    await asked;
    await client.interrupt();
    const turn: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) turn.push(m);
    expect(signal?.aborted).toBe(true);
    expect(results(turn)[0]).toMatchObject({ subtype: 'error_during_execution' });
    expect(existsSync(join(t.cwd, 'z.txt'))).toBe(false);
    // Still usable afterwards.
    await client.query('next');
    for await (const m of client.receiveResponse())
      if (m.type === 'result') expect(m).toMatchObject({ subtype: 'success' });
  });
});
