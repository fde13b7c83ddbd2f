import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkillsError } from '../errors/SkillsError.js';
import { createPlugin } from './createPlugin.js';
import { validatePlugin } from './validatePlugin.js';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'skills-create-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('createPlugin', () => {
  it('writes every component and validates without a problem', async () => {
    const created = await createPlugin({
      directory: join(base, 'p'),
      name: 'my-plugin',
      author: { name: 'Me' },
    });
    expect(created.files.sort()).toEqual([
      '.claude-plugin/plugin.json',
      '.mcp.json',
      'README.md',
      'agents/reviewer.md',
      'commands/hello.md',
      'hooks/hooks.json',
      'skills/hello/SKILL.md',
    ]);
    expect(
      JSON.parse(await readFile(join(base, 'p', '.claude-plugin', 'plugin.json'), 'utf8')),
    ).toEqual({
      name: 'my-plugin',
      version: '0.1.0',
      description: 'The my-plugin plugin for Claude Code.',
      author: { name: 'Me' },
    });
    const result = await validatePlugin(created.root, { strict: true });
    expect(result.diagnostics).toEqual([]);
  });

  it('writes empty component folders without examples', async () => {
    const created = await createPlugin({
      directory: join(base, 'p'),
      name: 'bare',
      examples: false,
      description: 'Bare.',
      author: { name: 'Me' },
    });
    expect(created.files).toContain('skills/.gitkeep');
    expect((await validatePlugin(created.root, { strict: true })).diagnostics).toEqual([]);
  });

  it('refuses a name that is not kebab-case', async () => {
    await expect(createPlugin({ directory: join(base, 'p'), name: 'My Plugin' })).rejects.toSatisfy(
      (e: unknown) => SkillsError.is(e) && e.code === 'INVALID_ARGUMENT',
    );
  });

  it('refuses a non-empty folder unless forced', async () => {
    await mkdir(join(base, 'p'));
    await writeFile(join(base, 'p', 'keep.txt'), 'x');
    await expect(createPlugin({ directory: join(base, 'p'), name: 'p' })).rejects.toSatisfy(
      (e: unknown) => SkillsError.is(e) && e.code === 'TARGET_EXISTS',
    );
    await createPlugin({ directory: join(base, 'p'), name: 'p', force: true });
    expect(await readFile(join(base, 'p', 'keep.txt'), 'utf8')).toBe('x');
  });
});
