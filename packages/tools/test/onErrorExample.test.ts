import type { JSONRPCMessage } from '@agentsdk/core';
import { afterEach, expect, test, vi } from 'vitest';
import { payments } from '../examples/onError.js';

afterEach(() => {
  vi.restoreAllMocks();
});

test('the onError example: the author gets the error, the model gets the replacement line', async () => {
  // The example's fetch fails as it would offline (the .test domain never resolves).
  const offline = new TypeError('fetch failed', {
    cause: new Error('getaddrinfo ENOTFOUND payments.example.test'),
  });
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(offline);
  const logged: unknown[][] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));

  const answer = await payments.instance.handleMessage(
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: {
        name: 'refund',
        arguments: { orderId: 'A-17' },
        _meta: { 'claudecode/toolUseId': 'toolu_9' },
      },
    } as JSONRPCMessage,
    { signal: new AbortController().signal },
  );

  expect(answer).toEqual({
    jsonrpc: '2.0',
    id: 1,
    result: {
      content: [
        {
          type: 'text',
          text: 'Tool "refund" failed: the payment service is unreachable; try again later.',
        },
      ],
      isError: true,
    },
  });
  expect(logged).toHaveLength(1);
  const [line, input, error] = logged[0]!;
  expect(line).toBe('payments/refund failed (toolu_9)');
  expect(input).toEqual({ orderId: 'A-17' });
  expect(error).toBe(offline); // the error itself: its stack and its cause
});
