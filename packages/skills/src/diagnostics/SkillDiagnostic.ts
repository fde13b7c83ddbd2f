import type { Severity } from './Severity.js';

/**
 * Codes of problems found in a Markdown file with YAML frontmatter: a SKILL.md, an agent file or a
 * command file. The list is exhaustive; tests hold one failing case for each.
 */
export const SKILL_DIAGNOSTIC_CODES = [
  // --- frontmatter syntax
  /** The file does not start with a `---` frontmatter block. */
  'FRONTMATTER_MISSING',
  /** The frontmatter block has no closing `---` line. */
  'FRONTMATTER_UNCLOSED',
  /** The frontmatter is not valid YAML. */
  'YAML_SYNTAX',
  /** A key appears twice in the frontmatter (YAML requires unique keys). */
  'DUPLICATE_KEY',
  /** The frontmatter is valid YAML but not a mapping (`key: value` pairs). */
  'FRONTMATTER_NOT_MAPPING',
  // --- name
  'NAME_MISSING',
  'NAME_TYPE',
  /** 1 to 64 characters. */
  'NAME_LENGTH',
  /** Lowercase letters, digits and single hyphens, no hyphen at either end. */
  'NAME_FORMAT',
  /** `name` differs from the name of the folder holding SKILL.md. */
  'NAME_MISMATCH',
  /** `name` contains a word reserved by the Claude platform (`anthropic`, `claude`). */
  'NAME_RESERVED_WORD',
  // --- description
  'DESCRIPTION_MISSING',
  'DESCRIPTION_TYPE',
  'DESCRIPTION_EMPTY',
  /** At most 1024 characters. */
  'DESCRIPTION_LENGTH',
  /** Lint: the description says what the skill does but not when to use it. */
  'DESCRIPTION_NO_WHEN',
  /** `name` or `description` contains an XML tag, which the Claude platform refuses. */
  'XML_TAG',
  // --- other spec fields
  'LICENSE_TYPE',
  'COMPATIBILITY_TYPE',
  /** 1 to 500 characters. */
  'COMPATIBILITY_LENGTH',
  /** `metadata` is not a mapping. */
  'METADATA_TYPE',
  /** A `metadata` value is not a string. */
  'METADATA_VALUE',
  /** `allowed-tools` is not a space-separated string (or, in Claude Code mode, a list of strings). */
  'ALLOWED_TOOLS_TYPE',
  /** A key outside the mode's set: an error in strict mode, a warning in Claude Code mode. */
  'UNKNOWN_KEY',
  /** A Claude Code (or agent) field has the wrong YAML type. */
  'FIELD_TYPE',
  /** A Claude Code (or agent) field has a value outside its allowed set. */
  'FIELD_VALUE',
  // --- lint (warnings)
  /** The body is longer than 500 lines: move detail into referenced files. */
  'BODY_TOO_LONG',
  /** A relative link points at a file that does not exist in the skill folder. */
  'BROKEN_LINK',
  /** A file referenced from SKILL.md references further files: keep references one level deep. */
  'NESTED_REFERENCE',
  /** `disable-model-invocation: true` and `user-invocable: false`: nobody can invoke the skill. */
  'INVOCATION_DISABLED',
] as const;

export type SkillDiagnosticCode = (typeof SKILL_DIAGNOSTIC_CODES)[number];

/** A problem in a SKILL.md (or agent/command Markdown file), with its place in the file. */
export interface SkillDiagnostic {
  code: SkillDiagnosticCode;
  severity: Severity;
  /** Names the thing, the value and the fix. */
  message: string;
  /** The file as given to the parser (absolute when read from disk), or `SKILL.md`. */
  file: string;
  /** 1-based line and column of the start of the offending text. */
  line: number;
  column: number;
  /** 1-based line and column just past its end. */
  endLine: number;
  endColumn: number;
  /** The frontmatter key concerned, if any. */
  key?: string;
}
