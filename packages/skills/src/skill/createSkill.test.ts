import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkillsError } from '../errors/SkillsError.js';
import { createSkill } from './createSkill.js';
import { renderSkill } from './renderSkill.js';
import { validateSkillDirectory } from './validateSkillDirectory.js';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'skills-skill-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('createSkill and validateSkillDirectory', () => {
  it('writes a skill that validates in strict mode', async () => {
    const path = await createSkill({
      directory: base,
      name: 'pdf-tools',
      description: 'Extracts text from PDFs: use when the user attaches one.',
      frontmatter: { 'allowed-tools': 'Read Bash(pdftotext:*)', metadata: { author: 'me' } },
    });
    expect(path).toBe(join(base, 'pdf-tools', 'SKILL.md'));
    const text = await readFile(path, 'utf8');
    expect(text).toContain(
      'description: "Extracts text from PDFs: use when the user attaches one."',
    );
    const result = await validateSkillDirectory(join(base, 'pdf-tools'), { mode: 'strict' });
    expect(result.diagnostics).toEqual([]);
    expect(result.document.frontmatter.metadata).toEqual({ author: 'me' });
  });

  it('checks links against the folder and the name against the folder', async () => {
    await createSkill({
      directory: base,
      name: 'a',
      description: 'Does a. Use when asked.',
      body: 'See [ref](references/ref.md).',
    });
    const result = await validateSkillDirectory(join(base, 'a'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BROKEN_LINK']);
    expect(result.diagnostics[0]?.file).toBe(join(base, 'a', 'SKILL.md'));
  });

  it('refuses bad names and existing folders', async () => {
    await expect(createSkill({ directory: base, name: 'PDF', description: 'x' })).rejects.toSatisfy(
      (e: unknown) => SkillsError.is(e) && e.code === 'INVALID_ARGUMENT',
    );
    await createSkill({ directory: base, name: 'b', description: 'Does b. Use when asked.' });
    await expect(
      createSkill({ directory: base, name: 'b', description: 'Again.' }),
    ).rejects.toSatisfy((e: unknown) => SkillsError.is(e) && e.code === 'TARGET_EXISTS');
  });

  it('throws READ_FAILED for a folder without SKILL.md', async () => {
    await expect(validateSkillDirectory(join(base, 'none'))).rejects.toSatisfy(
      (e: unknown) => SkillsError.is(e) && e.code === 'READ_FAILED',
    );
  });

  it('renders frontmatter that parses back', () => {
    const text = renderSkill(
      { name: 'x', description: 'Has: colons, "quotes" and # hashes. Use when needed.' },
      'Body',
    );
    expect(text.startsWith('---\nname: x\n')).toBe(true);
    expect(text.endsWith('---\n\nBody\n')).toBe(true);
  });
});
