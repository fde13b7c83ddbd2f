import { query, SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { collect, say } from './wire.js';

const systemTexts = (body: unknown): string[] =>
  ((body as { system?: Array<{ text: string }> }).system ?? []).map((block) => block.text);

describe('an array systemPrompt on the real CLI', () => {
  it('reaches the model as its parts, the boundary marker taken out (a string keeps it as text)', async () => {
    const t = await e2e([say('ok'), say('ok')]);
    const parts = ['Shared rules.', SYSTEM_PROMPT_DYNAMIC_BOUNDARY, 'This user: Ada.'];

    await collect(query({ prompt: 'hi', options: t.options({ systemPrompt: parts }) }));
    const fromArray = systemTexts(t.server.lastMainRequest()?.body);
    // CLI 2.1.331 with an API key and a custom base URL: one block, the parts joined, no marker.
    expect(fromArray.at(-1)).toBe('Shared rules.\n\nThis user: Ada.');
    expect(fromArray.join('\n')).not.toContain(SYSTEM_PROMPT_DYNAMIC_BOUNDARY);

    await collect(query({ prompt: 'hi', options: t.options({ systemPrompt: parts.join('\n') }) }));
    const fromString = systemTexts(t.server.lastMainRequest()?.body);
    expect(fromString.at(-1)).toBe(parts.join('\n'));
    // Everything before the caller's prompt is the same either way.
    expect(fromString.slice(0, -1)).toEqual(fromArray.slice(0, -1));
  });
});

describe('the system prompt forms of the official SDK on the real CLI', () => {
  it('a preset with excludeDynamicSections moves the per-user memory section into the first user message; a custom prompt takes snapshot', async () => {
    const t = await e2e([say('ok'), say('ok'), say('ok')]);
    // CLI 2.1.331's per-user section in this set-up: the auto-memory path under HOME.
    const dynamic = '# Memory';
    const firstUserText = (body: unknown): string =>
      JSON.stringify((body as { messages?: unknown[] }).messages?.[0] ?? '');
    const preset = { type: 'preset', preset: 'claude_code' } as const;

    await collect(query({ prompt: 'hi', options: t.options({ systemPrompt: preset }) }));
    const whole = t.server.lastMainRequest()?.body;
    expect(systemTexts(whole).join('\n')).toContain(dynamic);
    expect(firstUserText(whole)).not.toContain(dynamic);

    await collect(
      query({
        prompt: 'hi',
        options: t.options({ systemPrompt: { ...preset, excludeDynamicSections: true } }),
      }),
    );
    const split = t.server.lastMainRequest()?.body;
    expect(systemTexts(split).join('\n')).not.toContain(dynamic);
    expect(firstUserText(split)).toContain(dynamic);

    await collect(
      query({
        prompt: 'hi',
        options: t.options({
          systemPrompt: { type: 'custom', prompt: ['Release bot.'], snapshot: false },
        }),
      }),
    );
    expect(systemTexts(t.server.lastMainRequest()?.body).at(-1)).toBe('Release bot.');
  });
});
