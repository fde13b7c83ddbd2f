import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  LoggingMessageNotificationSchema,
  type LoggingMessageNotification,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { expect, test } from 'vitest';

const textOf = (result: unknown) =>
  ((result as { content: { text?: string }[] }).content ?? []).map((c) => c.text).join('\n');

/**
 * The checks every transport must pass with a real `@modelcontextprotocol/sdk` Client
 * connected to `test/fixtures/testServer.mjs`.
 */
export function clientBehaviour(getClient: () => Client, getTransport: () => Transport): void {
  test('lists the tools with their JSON Schemas', async () => {
    const { tools } = await getClient().listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'add',
      'divide',
      'count',
      'wait',
      'aborts',
      'stats',
      'boom',
    ]);
    expect(tools[0]).toEqual({
      name: 'add',
      description: 'Add two numbers',
      inputSchema: {
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'number' } },
        required: ['a', 'b'],
      },
    });
    expect(tools.find((t) => t.name === 'stats')?.outputSchema).toMatchObject({
      type: 'object',
      required: ['count', 'mean'],
    });
    expect(tools.find((t) => t.name === 'aborts')?.annotations).toEqual({ readOnlyHint: true });
  });

  test('calls a tool', async () => {
    const result = await getClient().callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result).toEqual({ content: [{ type: 'text', text: '5' }] });
  });

  test('an error result (division by zero) and a throwing handler', async () => {
    expect(await getClient().callTool({ name: 'divide', arguments: { a: 1, b: 0 } })).toEqual({
      content: [{ type: 'text', text: 'Error: Division by zero' }],
      isError: true,
    });
    expect(await getClient().callTool({ name: 'boom', arguments: {} })).toEqual({
      content: [{ type: 'text', text: 'Tool "boom" failed: kaboom' }],
      isError: true,
    });
  });

  test('bad input comes back as a readable isError result', async () => {
    const result = await getClient().callTool({ name: 'add', arguments: { a: 'two', b: 3 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      'Invalid arguments for tool "add":\n- a: Invalid input: expected number, received string',
    );
  });

  test('structured content passes the client’s own outputSchema check', async () => {
    const result = await getClient().callTool({ name: 'stats', arguments: { values: [1, 2, 6] } });
    expect(result.structuredContent).toEqual({ count: 3, mean: 3 });
    expect(textOf(result)).toBe('{"count":3,"mean":3}');
  });

  test('an unknown tool is a protocol error', async () => {
    await expect(getClient().callTool({ name: 'nope', arguments: {} })).rejects.toThrow(
      /Unknown tool "nope"/,
    );
  });

  test('progress and log notifications reach the client', async () => {
    const client = getClient();
    const logs: LoggingMessageNotification['params'][] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params);
    });
    // Recorded at the transport: the SDK Client dispatches notifications a microtask late and
    // drops progress that arrives in the same chunk as the response.
    const transport = getTransport();
    const progress: Progress[] = [];
    const onmessage = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if ('method' in message && message.method === 'notifications/progress') {
        const { progressToken: _token, ...rest } = message.params as Progress & {
          progressToken: unknown;
        };
        progress.push(rest);
      }
      onmessage?.(message, extra);
    };
    try {
      const result = await client.callTool({ name: 'count', arguments: { n: 3 } }, undefined, {
        onprogress: () => {},
      });
      expect(textOf(result)).toBe('counted to 3');
    } finally {
      transport.onmessage = onmessage;
    }
    expect(progress).toEqual([
      { progress: 1, total: 3, message: 'step 1' },
      { progress: 2, total: 3, message: 'step 2' },
      { progress: 3, total: 3, message: 'step 3' },
    ]);
    await expect
      .poll(() => logs)
      .toEqual([{ level: 'info', logger: 'count', data: { counted: 3 } }]);
  });

  test('cancelling a call aborts the handler’s signal', async () => {
    const client = getClient();
    const controller = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const call = client.callTool({ name: 'wait', arguments: {} }, undefined, {
      signal: controller.signal,
      onprogress: () => started(),
    });
    await running;
    controller.abort('stop waiting');
    await expect(call).rejects.toThrow();
    await expect
      .poll(async () => {
        const result = await client.callTool({ name: 'aborts', arguments: {} });
        return (result.structuredContent as { reasons: string[] }).reasons;
      })
      .toEqual(['stop waiting']);
  });

  test('concurrent calls', async () => {
    const client = getClient();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => client.callTool({ name: 'add', arguments: { a: n, b: n } })),
    );
    expect(results.map(textOf)).toEqual(['2', '4', '6', '8', '10']);
  });
}
