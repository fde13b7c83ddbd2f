import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import { parseFrontmatterDocument } from '../internal/frontmatterDocument.js';
import { toSkillDocument, type SkillDocument } from './parseSkill.js';
import type { SkillMode } from './SkillFrontmatter.js';
import { skillFieldRules } from './skillFieldRules.js';
import { skillLintRules, type SkillFiles } from './skillLintRules.js';

export interface ValidateSkillOptions {
  /** Named in diagnostics. Default `SKILL.md`. */
  file?: string;
  /** `claude-code` (default) also allows Claude Code's fields; `strict` allows the specification's only. */
  mode?: SkillMode;
  /** The folder holding SKILL.md; `name` must equal it. Omit to skip that rule. */
  directoryName?: string;
  /**
   * The files of the skill folder (relative path → text, or `null` for non-text files), to check
   * relative links. Omit to skip link checks. `validateSkillDirectory` fills it from disk.
   */
  files?: SkillFiles;
  /** Run the lint warnings (body length, links, invocation, description). Default true. */
  lint?: boolean;
}

export interface SkillValidationResult {
  /** No diagnostic of severity `error`. */
  valid: boolean;
  document: SkillDocument;
  /** Errors and warnings, in file order. */
  diagnostics: SkillDiagnostic[];
}

/** Parse a SKILL.md and check it against the Agent Skills format (and Claude Code's fields). */
export function validateSkill(
  source: string,
  options: ValidateSkillOptions = {},
): SkillValidationResult {
  const file = options.file ?? 'SKILL.md';
  const mode = options.mode ?? 'claude-code';
  const doc = parseFrontmatterDocument(source, file);
  const document = toSkillDocument(doc);
  const diagnostics = [...doc.diagnostics];
  if (doc.data !== undefined) {
    if (doc.hasFrontmatter)
      diagnostics.push(
        ...skillFieldRules(doc, doc.data, { mode, directoryName: options.directoryName }),
      );
    if (options.lint !== false)
      diagnostics.push(...skillLintRules(doc, doc.data, { mode, files: options.files }));
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    valid: !diagnostics.some((d) => d.severity === 'error'),
    document,
    diagnostics,
  };
}
