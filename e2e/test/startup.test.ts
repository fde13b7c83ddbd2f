import { startup, type SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';

const text = (t: string) => ({ content: [{ type: 'text' as const, text: t }] });

describe('startup() against the real CLI', () => {
  it('boots and initializes the CLI before the prompt, then answers it on that process', async () => {
    const t = await e2e([text('Warm hello.')]);
    const warm = await startup({ options: t.options() });
    // Started and initialized, and nothing has gone to the model yet.
    expect(t.server.mainRequests()).toHaveLength(0);
    const messages: SDKMessage[] = [];
    for await (const m of warm.query('Say hello')) messages.push(m);
    expect(messages.find((m) => m.type === 'result')).toMatchObject({
      subtype: 'success',
      result: 'Warm hello.',
    });
    expect(JSON.stringify(t.server.lastMainRequest()?.body?.messages)).toContain('Say hello');
  });

  it('ends the waiting CLI on close() without a prompt (the harness checks no child survives)', async () => {
    const t = await e2e([]);
    const warm = await startup({ options: t.options() });
    await warm.close();
    expect(t.server.mainRequests()).toHaveLength(0);
    expect(() => warm.query('too late')).toThrow(/was closed/);
  });
});
