import { query } from '@agentsdk/core';
import { createSdkMcpServer, tool, type ToolErrorContext } from '@agentsdk/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { e2e } from './harness.js';
import { callTool, collect, results, say, toolResultsIn } from './wire.js';

const SECRET = 'tok_live_e2e_0123456789';

afterEach(() => {
  delete process.env['E2E_PAYMENTS_TOKEN'];
});

describe('a tool that throws, against the real CLI', () => {
  it('onError gets the error and the call; the model gets one short line, the secret redacted', async () => {
    process.env['E2E_PAYMENTS_TOKEN'] = SECRET;
    const t = await e2e([
      callTool('mcp__payments__refund', { orderId: 'A-17' }, 'toolu_refund'),
      say('The refund failed.'),
    ]);
    const reported: [unknown, ToolErrorContext][] = [];
    const thrown = new Error(`upstream rejected token ${SECRET}\nat POST /refunds/A-17`);
    const payments = createSdkMcpServer({
      name: 'payments',
      tools: [
        tool('refund', 'Refund an order', { orderId: z.string() }, () => {
          throw thrown;
        }),
      ],
      onError: (error, context) => void reported.push([error, context]),
    });

    const [result] = results(
      await collect(
        query({
          prompt: 'Refund order A-17.',
          options: t.options({
            mcpServers: { payments },
            allowedTools: ['mcp__payments__refund'],
          }),
        }),
      ),
    );

    expect(result).toMatchObject({ subtype: 'success', result: 'The refund failed.' });
    expect(reported).toEqual([
      [
        thrown,
        {
          toolName: 'refund',
          serverName: 'payments',
          toolUseId: 'toolu_refund',
          input: { orderId: 'A-17' },
          message: 'Tool "refund" failed: upstream rejected token [redacted]',
        },
      ],
    ]);
    const refund = toolResultsIn(t.server.lastMainRequest()).find(
      (r) => r.tool_use_id === 'toolu_refund',
    );
    expect(refund?.is_error).toBe(true);
    const seen = JSON.stringify(refund?.content);
    // The CLI flattens an error result's content to a string before the model sees it.
    expect(seen).toContain('Tool \\"refund\\" failed: upstream rejected token [redacted]');
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain('POST /refunds');
    expect(seen).not.toContain('toolErrors.test.ts');
  });
});
