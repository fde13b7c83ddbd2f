import { posix } from 'node:path';
import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import type { FrontmatterDocument } from '../internal/frontmatterDocument.js';
import { isRelativeTarget, markdownLinks } from '../internal/markdownLinks.js';

/** Files of a skill folder: relative path (with `/`) → text for Markdown/text files, `null` for others. */
export type SkillFiles = ReadonlyMap<string, string | null>;

export const MAX_BODY_LINES = 500;
const WHEN =
  /\b(when|whenever|use (?:it |this )?(?:for|to|if|on|with)|if the user|triggers?|for (?:tasks|requests|questions))\b/i;

export interface LintRuleOptions {
  mode: 'strict' | 'claude-code';
  files: SkillFiles | undefined;
}

/** Warnings: a skill that loads but will likely work badly. */
export function skillLintRules(
  doc: FrontmatterDocument,
  data: Record<string, unknown>,
  options: LintRuleOptions,
): SkillDiagnostic[] {
  const out: SkillDiagnostic[] = [];
  const bodyOffset = doc.source.length - doc.body.length;

  const description = data.description;
  if (
    typeof description === 'string' &&
    description.trim() !== '' &&
    !WHEN.test(description) &&
    !(options.mode === 'claude-code' && typeof data.when_to_use === 'string')
  )
    out.push(
      doc.diagnostic(
        'DESCRIPTION_NO_WHEN',
        'warning',
        '`description` says what the skill does but not when to use it: add a sentence such as "Use when the user asks to …".',
        doc.valueSpan('description') ?? doc.headSpan,
        'description',
      ),
    );

  if (
    options.mode === 'claude-code' &&
    data['disable-model-invocation'] === true &&
    data['user-invocable'] === false
  )
    out.push(
      doc.diagnostic(
        'INVOCATION_DISABLED',
        'warning',
        '`disable-model-invocation: true` with `user-invocable: false`: neither Claude nor the user can invoke this skill. Drop one of them.',
        doc.valueSpan('user-invocable') ?? doc.headSpan,
        'user-invocable',
      ),
    );

  const bodyLines = doc.body.split('\n');
  const count = doc.body.endsWith('\n') ? bodyLines.length - 1 : bodyLines.length;
  if (count > MAX_BODY_LINES) {
    const start = bodyOffset + bodyLines.slice(0, MAX_BODY_LINES).join('\n').length + 1;
    out.push(
      doc.diagnostic(
        'BODY_TOO_LONG',
        'warning',
        `The body has ${count} lines; keep SKILL.md under ${MAX_BODY_LINES} and move detail into files it links to (references/…), which Claude reads only when needed.`,
        { start, end: start },
      ),
    );
  }

  if (options.files) out.push(...linkRules(doc, options.files, bodyOffset));
  return out;
}

function linkRules(
  doc: FrontmatterDocument,
  files: SkillFiles,
  bodyOffset: number,
): SkillDiagnostic[] {
  const out: SkillDiagnostic[] = [];
  for (const link of markdownLinks(doc.body)) {
    if (!isRelativeTarget(link.target)) continue;
    const span = { start: bodyOffset + link.start, end: bodyOffset + link.end };
    const target = posix.normalize(link.target.replace(/\\/g, '/')).replace(/\/$/, '');
    if (target === '..' || target.startsWith('../')) {
      out.push(
        doc.diagnostic(
          'BROKEN_LINK',
          'warning',
          `The link "${link.target}" points outside the skill folder, which is not copied with the skill: move the file into the folder.`,
          span,
        ),
      );
      continue;
    }
    if (!exists(files, target)) {
      out.push(
        doc.diagnostic(
          'BROKEN_LINK',
          'warning',
          `The link "${link.target}" names no file in the skill folder: fix the path or add the file.`,
          span,
        ),
      );
      continue;
    }
    const content = files.get(target);
    if (typeof content !== 'string' || !/\.(md|markdown)$/i.test(target)) continue;
    const onward = markdownLinks(content)
      .filter((l) => isRelativeTarget(l.target))
      .map((l) => posix.normalize(posix.join(posix.dirname(target), l.target)))
      .find((t) => t !== target && t !== 'SKILL.md' && /\.(md|markdown)$/i.test(t) && files.has(t));
    if (onward !== undefined)
      out.push(
        doc.diagnostic(
          'NESTED_REFERENCE',
          'warning',
          `"${target}" links on to "${onward}": Claude may read only part of a file it reaches through another. Keep references one level deep: link "${onward}" from SKILL.md.`,
          span,
        ),
      );
  }
  return out;
}

function exists(files: SkillFiles, target: string): boolean {
  if (target === '.' || files.has(target)) return true;
  const prefix = `${target}/`;
  for (const key of files.keys()) if (key.startsWith(prefix)) return true;
  return false;
}
