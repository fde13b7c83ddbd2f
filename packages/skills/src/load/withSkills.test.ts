import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSkills } from './withSkills.js';

describe('withSkills', () => {
  it('loads project skills with the Skill tool by default', () => {
    expect(withSkills()).toEqual({ settingSources: ['project'], allowedTools: ['Skill'] });
  });

  it('adds to the base options without changing them', () => {
    const base = {
      cwd: '/work/app',
      allowedTools: ['Read', 'Skill'],
      settingSources: ['user' as const],
      maxTurns: 3,
    };
    const options = withSkills(base, {
      settingSources: ['project'],
      plugins: ['./plugins/mine', { type: 'local', path: '/abs/other' }],
    });
    expect(options).toEqual({
      cwd: '/work/app',
      maxTurns: 3,
      allowedTools: ['Read', 'Skill'],
      settingSources: ['user', 'project'],
      plugins: [
        { type: 'local', path: resolve('/work/app/plugins/mine') },
        { type: 'local', path: '/abs/other' },
      ],
    });
    expect(base.allowedTools).toEqual(['Read', 'Skill']);
  });

  it('puts Skill in an explicit tool list, and keeps the preset', () => {
    expect(withSkills({ tools: ['Read'] }).tools).toEqual(['Read', 'Skill']);
    expect(withSkills({ tools: { type: 'preset', preset: 'claude_code' } }).tools).toEqual({
      type: 'preset',
      preset: 'claude_code',
    });
  });

  it('does not list a plugin twice', () => {
    const once = withSkills(
      { plugins: [{ type: 'local', path: join(process.cwd(), 'p') }] },
      { plugins: ['p'] },
    );
    expect(once.plugins).toHaveLength(1);
  });
});
