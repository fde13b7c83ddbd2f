import { describe, expect, it } from 'vitest';
import type { SessionStoreEntry } from './SessionStore.js';
import { foldSessionSummary, type SessionSummaryEntry } from './sessionSummary.js';

const key = { projectKey: '-work-app', sessionId: 's1' };
const prompt = (text: string, extra: Record<string, unknown> = {}): SessionStoreEntry => ({
  type: 'user',
  uuid: text,
  message: { role: 'user', content: [{ type: 'text', text }] },
  ...extra,
});

describe('foldSessionSummary', () => {
  it('freezes what it sees first and lets later entries win for titles, prompts, branch and tag', () => {
    const first = foldSessionSummary(
      undefined,
      key,
      [
        prompt('setup', { isMeta: true }),
        prompt('hello', {
          isSidechain: false,
          cwd: '/work/app',
          gitBranch: 'main',
          timestamp: '2026-01-01T00:00:00.000Z',
        }),
        { type: 'custom-title', customTitle: 'One' },
        { type: 'tag', tag: 'red' },
      ],
      { mtime: 10 },
    );
    expect(first).toEqual({
      sessionId: 's1',
      mtime: 10,
      data: {
        isSidechain: false,
        createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
        cwd: '/work/app',
        firstPrompt: 'hello',
        gitBranch: 'main',
        customTitle: 'One',
        tag: 'red',
      },
    });
    const next = foldSessionSummary(
      first,
      key,
      [
        prompt('second', {
          isSidechain: true,
          cwd: '/elsewhere',
          gitBranch: 'feature',
          timestamp: '2026-02-01T00:00:00.000Z',
        }),
        { type: 'custom-title', customTitle: 'Two' },
        { type: 'ai-title', aiTitle: 'Generated' },
        { type: 'last-prompt', lastPrompt: 'second' },
        { type: 'summary', summary: 'What happened' },
        { type: 'tag', tag: '' },
      ],
      { mtime: 20 },
    );
    expect(next.mtime).toBe(20);
    expect(next.data).toEqual({
      isSidechain: false,
      createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
      cwd: '/work/app',
      firstPrompt: 'hello',
      gitBranch: 'feature',
      customTitle: 'Two',
      aiTitle: 'Generated',
      lastPrompt: 'second',
      summaryHint: 'What happened',
    });
  });

  it('is pure: the previous summary and the entries are left as they were', () => {
    const prev: SessionSummaryEntry = { sessionId: 's1', mtime: 5, data: { customTitle: 'A' } };
    const entries = [{ type: 'custom-title', customTitle: 'B' }];
    const next = foldSessionSummary(prev, key, entries);
    expect(prev).toEqual({ sessionId: 's1', mtime: 5, data: { customTitle: 'A' } });
    expect(entries).toEqual([{ type: 'custom-title', customTitle: 'B' }]);
    // Without `mtime`, the previous stamp is kept.
    expect(next).toEqual({ sessionId: 's1', mtime: 5, data: { customTitle: 'B' } });
  });

  it('folds in batches to the same result as in one go', () => {
    const entries: SessionStoreEntry[] = [
      prompt('a', { timestamp: 'not a date' }),
      prompt('b', { timestamp: '2026-03-01T00:00:00.000Z' }),
      { type: 'ai-title', aiTitle: 'x' },
      { type: 'ai-title', aiTitle: 'y' },
    ];
    const whole = foldSessionSummary(undefined, key, entries, { mtime: 1 });
    let stepwise: SessionSummaryEntry | undefined;
    for (const entry of entries)
      stepwise = foldSessionSummary(stepwise, key, [entry], { mtime: 1 });
    expect(stepwise).toEqual(whole);
    expect(whole.data).toMatchObject({
      firstPrompt: 'a',
      aiTitle: 'y',
      createdAt: Date.parse('2026-03-01T00:00:00.000Z'),
    });
  });
});
