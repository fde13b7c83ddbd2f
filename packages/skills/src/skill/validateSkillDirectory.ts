import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { SkillsError } from '../errors/SkillsError.js';
import { readSkillFiles } from '../internal/readSkillFiles.js';
import { lenientSeverity } from '../plugin/componentFileDiagnostics.js';
import type { SkillMode } from './SkillFrontmatter.js';
import { validateSkill, type SkillValidationResult } from './validateSkill.js';

export interface ValidateSkillDirectoryOptions {
  /** Default `claude-code`. */
  mode?: SkillMode;
  /** Default true. */
  lint?: boolean;
  /**
   * Compatibility mode: the severities Claude Code gives a skill in a plugin, so format violations
   * it tolerates (a bad or mismatched name, a missing description, no frontmatter) are warnings.
   * Default false: they are errors.
   */
  lenient?: boolean;
}

/**
 * Validate the skill in `directory` (its `SKILL.md`, its name against the folder's, and its relative
 * links against the folder's files). Diagnostics name the absolute path of SKILL.md.
 * Throws `SkillsError` (`READ_FAILED`) when SKILL.md cannot be read.
 */
export async function validateSkillDirectory(
  directory: string,
  options: ValidateSkillDirectoryOptions = {},
): Promise<SkillValidationResult> {
  const root = resolve(directory);
  const file = join(root, 'SKILL.md');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new SkillsError(
      'READ_FAILED',
      `Cannot read ${file}: a skill is a folder with a SKILL.md file. (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }
  const files = options.lint === false ? undefined : await readSkillFiles(root);
  const result = validateSkill(source, {
    file,
    directoryName: basename(root),
    ...(options.mode !== undefined && { mode: options.mode }),
    ...(options.lint !== undefined && { lint: options.lint }),
    ...(files !== undefined && { files }),
  });
  if (options.lenient !== true) return result;
  const diagnostics = result.diagnostics.map((d) => ({
    ...d,
    severity: lenientSeverity(d, result.document.data),
  }));
  return { ...result, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}
