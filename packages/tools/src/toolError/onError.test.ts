import type { JSONRPCMessage } from '@agentsdk/core';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { createSdkMcpServer } from '../createSdkMcpServer.js';
import { serveStdio } from '../serveStdio.js';
import { tool } from '../tool.js';
import type { ToolErrorContext } from './ToolErrorHook.js';

class QuotaError extends Error {
  readonly code = 'QUOTA';
}

/** A handler that fails like real code does: a nested call, a cause, a multi-line message. */
const charge = tool('charge', 'Charge a card', { cents: z.number() }, ({ cents }) => {
  throw new QuotaError(`quota exceeded for ${cents} cents\n  at the billing API`, {
    cause: new Error('HTTP 429'),
  });
});

const text = (result: { content: unknown[] }) =>
  (result.content as { text?: string }[]).map((c) => c.text).join('\n');

function captureStderr(): { output: () => string } {
  let written = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  return { output: () => written };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a tool whose handler throws', () => {
  test('without a hook: the stack and the cause go to stderr, the model gets one short line', async () => {
    const stderr = captureStderr();
    const result = await charge.call(
      { cents: 500 },
      { meta: { 'claudecode/toolUseId': 'toolu_1' } },
    );
    expect(result).toEqual({
      content: [{ type: 'text', text: 'Tool "charge" failed: quota exceeded for 500 cents' }],
      isError: true,
    });
    expect(stderr.output()).toContain(
      '[@agentsdk/tools] Tool "charge" (tool_use_id toolu_1) threw:',
    );
    expect(stderr.output()).toMatch(
      /QuotaError: quota exceeded for 500 cents\n {2}at the billing API\n\s+at .*onError\.test\.ts/,
    );
    expect(stderr.output()).toContain("code: 'QUOTA'");
    expect(stderr.output()).toContain('[cause]: Error: HTTP 429');
  });

  test('with a hook: it gets the error itself and the context, and stderr stays quiet', async () => {
    const stderr = captureStderr();
    const calls: [unknown, ToolErrorContext][] = [];
    const result = await charge.call(
      { cents: 7 },
      {
        meta: { 'claudecode/toolUseId': 'toolu_2' },
        onError: (error, context) => void calls.push([error, context]),
      },
    );
    expect(text(result)).toBe('Tool "charge" failed: quota exceeded for 7 cents');
    expect(calls).toHaveLength(1);
    const [error, context] = calls[0]!;
    expect(error).toBeInstanceOf(QuotaError);
    expect(context).toEqual({
      toolName: 'charge',
      serverName: undefined,
      toolUseId: 'toolu_2',
      input: { cents: 7 },
      message: 'Tool "charge" failed: quota exceeded for 7 cents',
    });
    expect(stderr.output()).toBe('');
  });

  test('a hook may replace the message the model reads, also asynchronously', async () => {
    const result = await charge.call(
      { cents: 1 },
      { onError: async () => 'Payments are unavailable right now; tell the user to retry later.' },
    );
    expect(result).toEqual({
      content: [
        { type: 'text', text: 'Payments are unavailable right now; tell the user to retry later.' },
      ],
      isError: true,
    });
  });

  test('a hook that throws: both errors reach stderr, the model gets the default message', async () => {
    const stderr = captureStderr();
    const result = await charge.call(
      { cents: 2 },
      {
        onError: () => {
          throw new Error('logger offline');
        },
      },
    );
    expect(text(result)).toBe('Tool "charge" failed: quota exceeded for 2 cents');
    expect(stderr.output()).toContain('QuotaError: quota exceeded for 2 cents');
    expect(stderr.output()).toContain('…and its onError hook threw: Error: logger offline');
  });

  test('a cancelled call is not an error to report', async () => {
    const controller = new AbortController();
    const hook = vi.fn();
    const slow = tool('slow', 'Waits for the signal', {}, async (_args, { signal }) => {
      controller.abort();
      throw signal.reason;
    });
    const result = await slow.call({}, { signal: controller.signal, onError: hook });
    expect(text(result)).toBe('Tool "slow" was cancelled.');
    expect(hook).not.toHaveBeenCalled();
  });

  test('an isError result the handler returns is not a throw', async () => {
    const hook = vi.fn();
    const refuses = tool('refuses', 'Refuses', {}, () => ({
      content: [{ type: 'text' as const, text: 'No.' }],
      isError: true,
    }));
    expect(text(await refuses.call({}, { onError: hook }))).toBe('No.');
    expect(hook).not.toHaveBeenCalled();
  });
});

describe('createSdkMcpServer({ onError }) on every route', () => {
  const call = (id: number): JSONRPCMessage =>
    ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: {
        name: 'charge',
        arguments: { cents: 3 },
        _meta: { 'claudecode/toolUseId': 'toolu_3' },
      },
    }) as JSONRPCMessage;

  test('in-process (the route Claude Code uses): the hook learns the server name', async () => {
    const contexts: ToolErrorContext[] = [];
    const billing = createSdkMcpServer({
      name: 'billing',
      tools: [charge],
      onError: (_error, context) => void contexts.push(context),
    });
    const answer = await billing.instance.handleMessage(call(1), {
      signal: new AbortController().signal,
    });
    expect(answer).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        content: [{ type: 'text', text: 'Tool "charge" failed: quota exceeded for 3 cents' }],
        isError: true,
      },
    });
    expect(contexts).toEqual([
      expect.objectContaining({ serverName: 'billing', toolUseId: 'toolu_3' }),
    ]);
  });

  test('in-process without a hook: stderr names the server', async () => {
    const stderr = captureStderr();
    const billing = createSdkMcpServer({ name: 'billing', tools: [charge] });
    await billing.instance.handleMessage(call(1), { signal: new AbortController().signal });
    expect(stderr.output()).toContain(
      '[@agentsdk/tools] Tool "charge" on server "billing" (tool_use_id toolu_3) threw: QuotaError',
    );
  });

  test('stdio: the same hook, the same short message to the client', async () => {
    const hook = vi.fn<(error: unknown, context: ToolErrorContext) => void>();
    const billing = createSdkMcpServer({ name: 'billing', tools: [charge], onError: hook });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const handle = await serveStdio(billing, { stdin, stdout });
    try {
      stdin.write(`${JSON.stringify(call(7))}\n`);
      const [line] = (await once(stdout, 'data')) as [Buffer];
      expect(JSON.parse(line.toString())).toEqual({
        jsonrpc: '2.0',
        id: 7,
        result: {
          content: [{ type: 'text', text: 'Tool "charge" failed: quota exceeded for 3 cents' }],
          isError: true,
        },
      });
      expect(hook).toHaveBeenCalledTimes(1);
      expect(hook.mock.calls[0]![1].serverName).toBe('billing');
    } finally {
      await handle.close();
    }
  });

  test('onError must be a function', () => {
    expect(() => createSdkMcpServer({ name: 'x', onError: 'log' as never })).toThrow(
      'Server "x": onError must be a function (error, context) => void | string.',
    );
  });
});
