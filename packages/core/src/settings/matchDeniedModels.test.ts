import { describe, expect, it } from 'vitest';
import { matchDeniedModels } from './matchDeniedModels.js';

describe('matchDeniedModels', () => {
  it('a family alias blocks the family; an id blocks that version in every spelling', async () => {
    const models = [
      'claude-opus-5-5',
      'claude-opus-5-5-20260101',
      'us.anthropic.claude-opus-5-5-v1:0',
      'claude-opus-5',
      'claude-sonnet-5-1',
      'claude-haiku-4-5',
      'claude-3-5-haiku-20241022',
    ];
    expect((await matchDeniedModels(models, ['claude-opus-5-5'])).denied).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect((await matchDeniedModels(models, ['haiku'])).denied).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('an id without a minor version blocks every minor version of that major', async () => {
    const { denied } = await matchDeniedModels(
      ['claude-opus-5', 'claude-opus-5-5', 'claude-opus-4-6', 'opus-5-1'],
      ['opus-5'],
    );
    // A model name is read as written: `opus-5-1` is no model id (the entry may omit `claude-`).
    expect(denied).toEqual([true, true, false, false]);
  });

  it('ignores moving aliases and bad entries with a warning, and never throws', async () => {
    const r = await matchDeniedModels(
      ['claude-opus-5-5', 42 as never],
      ['best', '', 7 as never, 'my-proxy-model'],
    );
    expect(r.denied).toEqual([false, false]);
    expect(r.warnings.join('\n')).toMatch(/"best" was ignored/);
    expect(r.warnings.join('\n')).toMatch(/empty deniedModels entry/);
    expect(r.warnings.join('\n')).toMatch(/holds a number; the entry was ignored/);
    expect(r.warnings.join('\n')).toMatch(/exact model name "my-proxy-model"/);
    expect((await matchDeniedModels(['my-proxy-model'], ['my-proxy-model'])).denied).toEqual([
      true,
    ]);
    const notList = await matchDeniedModels(['claude-opus-5-5'], 'opus' as never);
    expect(notList).toEqual({
      denied: [false],
      warnings: [expect.stringMatching(/not a list/) as string],
    });
    expect((await matchDeniedModels(['claude-opus-5-5'], undefined)).denied).toEqual([false]);
  });
});
