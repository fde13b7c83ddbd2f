import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SkillsError } from '../errors/SkillsError.js';
import type { SkillFrontmatter } from './SkillFrontmatter.js';
import { NAME_PATTERN } from './skillFieldRules.js';
import { renderSkill } from './renderSkill.js';

export interface CreateSkillOptions {
  /** The folder that holds skills (`.claude/skills`, a plugin's `skills/`). */
  directory: string;
  /** Lowercase letters, digits and single hyphens; also the folder name. */
  name: string;
  /** What the skill does and when to use it. */
  description: string;
  /** The instructions. Default: a template to fill in. */
  body?: string;
  /** More frontmatter (`allowed-tools`, `license`, …). */
  frontmatter?: Omit<SkillFrontmatter, 'name' | 'description'>;
  /** Write into an existing non-empty skill folder. Default false. */
  force?: boolean;
}

/** Write `<directory>/<name>/SKILL.md`. Returns the path of SKILL.md. */
export async function createSkill(options: CreateSkillOptions): Promise<string> {
  const { name, description } = options;
  if (!NAME_PATTERN.test(name) || name.length > 64)
    throw new SkillsError(
      'INVALID_ARGUMENT',
      `Skill name "${name}" must be 1–64 lowercase letters, digits and single hyphens ("pdf-tools").`,
    );
  if (description.trim() === '' || description.length > 1024)
    throw new SkillsError(
      'INVALID_ARGUMENT',
      'A skill description must be 1–1024 characters: what it does and when to use it.',
    );
  const folder = join(resolve(options.directory), name);
  const existing = await readdir(folder).catch(() => [] as string[]);
  if (existing.length > 0 && options.force !== true)
    throw new SkillsError(
      'TARGET_EXISTS',
      `${folder} exists and is not empty: choose another name or pass \`force: true\`.`,
    );
  await mkdir(folder, { recursive: true });
  const body =
    options.body ??
    `# ${name}\n\n## Instructions\n\n1. Describe the steps Claude should follow.\n2. Link longer reference material from here (references/…).\n`;
  const path = join(folder, 'SKILL.md');
  await writeFile(path, renderSkill({ name, description, ...options.frontmatter }, body));
  return path;
}
