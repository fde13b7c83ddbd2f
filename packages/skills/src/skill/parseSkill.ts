import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import {
  parseFrontmatterDocument,
  type FrontmatterDocument,
} from '../internal/frontmatterDocument.js';
import { isRecord } from '../internal/isRecord.js';
import type { SkillFrontmatter } from './SkillFrontmatter.js';

/** A parsed SKILL.md. */
export interface SkillDocument {
  file: string;
  /** The frontmatter fields that have the right type. */
  frontmatter: SkillFrontmatter;
  /**
   * The frontmatter as written: `{}` without frontmatter, `undefined` when it does not parse as a
   * YAML mapping.
   */
  data: Record<string, unknown> | undefined;
  /** The Markdown after the frontmatter. */
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** Syntax problems only (frontmatter missing or unclosed, YAML errors, duplicate keys). */
  diagnostics: SkillDiagnostic[];
}

export interface ParseSkillOptions {
  /** Named in diagnostics. Default `SKILL.md`. */
  file?: string;
}

/**
 * Split a SKILL.md into frontmatter and body. Never throws: syntax problems are in `diagnostics`.
 * Use `validateSkill` for the format's rules.
 */
export function parseSkill(source: string, options: ParseSkillOptions = {}): SkillDocument {
  return toSkillDocument(parseFrontmatterDocument(source, options.file ?? 'SKILL.md'));
}

/** The public view of a parsed frontmatter document. */
export function toSkillDocument(doc: FrontmatterDocument): SkillDocument {
  return {
    file: doc.file,
    frontmatter: typedFrontmatter(doc.data ?? {}),
    data: doc.data,
    body: doc.body,
    bodyLine: doc.bodyLine,
    diagnostics: doc.diagnostics,
  };
}

const STRING_KEYS = [
  'name',
  'description',
  'license',
  'compatibility',
  'when_to_use',
  'model',
  'agent',
] as const;
const STRING_OR_LIST_KEYS = [
  'allowed-tools',
  'argument-hint',
  'arguments',
  'disallowed-tools',
  'paths',
] as const;
const BOOLEAN_KEYS = ['disable-model-invocation', 'user-invocable'] as const;
const EFFORTS = new Set(['low', 'medium', 'high', 'xhigh', 'max']);

function typedFrontmatter(data: Record<string, unknown>): SkillFrontmatter {
  const out: SkillFrontmatter = {};
  for (const key of STRING_KEYS) {
    const value = data[key];
    if (typeof value === 'string') out[key] = value;
  }
  for (const key of STRING_OR_LIST_KEYS) {
    const value = data[key];
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      out[key] = value as string[];
  }
  for (const key of BOOLEAN_KEYS) {
    const value = data[key];
    if (typeof value === 'boolean') out[key] = value;
  }
  const metadata = data.metadata;
  if (isRecord(metadata)) {
    const entries = Object.entries(metadata).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    out.metadata = Object.fromEntries(entries);
  }
  const effort = data.effort;
  if (typeof effort === 'string' && EFFORTS.has(effort))
    out.effort = effort as 'low' | 'medium' | 'high' | 'xhigh' | 'max';
  else if (typeof effort === 'number' && Number.isInteger(effort) && effort > 0)
    out.effort = effort;
  if (data.context === 'fork' || data.context === 'inherit') out.context = data.context;
  if (data.shell === 'bash' || data.shell === 'powershell') out.shell = data.shell;
  if (isRecord(data.hooks)) out.hooks = data.hooks;
  return out;
}
