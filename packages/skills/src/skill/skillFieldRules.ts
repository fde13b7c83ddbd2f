import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import { describeType } from '../internal/describeType.js';
import type { FrontmatterDocument } from '../internal/frontmatterDocument.js';
import { isRecord } from '../internal/isRecord.js';
import { validateHooksConfig } from '../plugin/validateHooksConfig.js';
import { AGENT_SKILLS_KEYS, CLAUDE_CODE_SKILL_KEYS, type SkillMode } from './SkillFrontmatter.js';

export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const XML_TAG = /<\/?[A-Za-z][^<>]*>/;
const SPEC_KEYS: ReadonlySet<string> = new Set(AGENT_SKILLS_KEYS);
const CLAUDE_CODE_KEYS: ReadonlySet<string> = new Set(CLAUDE_CODE_SKILL_KEYS);
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

export interface FieldRuleOptions {
  mode: SkillMode;
  /** The folder holding SKILL.md, when known. */
  directoryName: string | undefined;
}

/** The Agent Skills field rules and, in `claude-code` mode, Claude Code's. */
export function skillFieldRules(
  doc: FrontmatterDocument,
  data: Record<string, unknown>,
  options: FieldRuleOptions,
): SkillDiagnostic[] {
  const out: SkillDiagnostic[] = [];
  const { mode } = options;
  const at = (key: string) => doc.valueSpan(key) ?? doc.headSpan;
  const error = (code: SkillDiagnostic['code'], key: string, message: string) =>
    out.push(doc.diagnostic(code, 'error', message, at(key), key));
  const warning = (code: SkillDiagnostic['code'], key: string, message: string) =>
    out.push(doc.diagnostic(code, 'warning', message, at(key), key));

  // name
  const name = data.name;
  if (name === undefined || name === null) {
    error(
      'NAME_MISSING',
      'name',
      `Missing \`name\`: add \`name: ${suggestName(options.directoryName ?? 'my-skill')}\` (the folder's name).`,
    );
  } else if (typeof name !== 'string') {
    error('NAME_TYPE', 'name', `\`name\` must be a string, not ${describeType(name)}.`);
  } else if (name.length === 0 || name.length > 64) {
    error(
      'NAME_LENGTH',
      'name',
      `\`name\` must be 1 to 64 characters; "${clip(name)}" has ${name.length}.`,
    );
  } else if (!NAME_PATTERN.test(name)) {
    error(
      'NAME_FORMAT',
      'name',
      `\`name\` "${name}" may use only lowercase letters, digits and single hyphens, with no hyphen at either end: try "${suggestName(name)}".`,
    );
  } else {
    if (options.directoryName !== undefined && options.directoryName !== name)
      error(
        'NAME_MISMATCH',
        'name',
        `\`name\` "${name}" differs from its folder "${options.directoryName}": rename the folder or set \`name: ${options.directoryName}\`.`,
      );
    const reserved = /(^|-)(anthropic|claude)(-|$)/.exec(name);
    if (reserved)
      warning(
        'NAME_RESERVED_WORD',
        'name',
        `\`name\` "${name}" contains the reserved word "${reserved[2]}": the Claude API refuses such skills. Choose another name.`,
      );
  }

  // description
  const description = data.description;
  if (description === undefined || description === null) {
    error(
      'DESCRIPTION_MISSING',
      'description',
      'Missing `description`: say what the skill does and when to use it (Claude reads it to decide when to load the skill).',
    );
  } else if (typeof description !== 'string') {
    error(
      'DESCRIPTION_TYPE',
      'description',
      `\`description\` must be a string, not ${describeType(description)}.`,
    );
  } else if (description.trim() === '') {
    error(
      'DESCRIPTION_EMPTY',
      'description',
      '`description` is empty: say what the skill does and when to use it.',
    );
  } else {
    if (description.length > 1024)
      error(
        'DESCRIPTION_LENGTH',
        'description',
        `\`description\` has ${description.length} characters; the limit is 1024. Move detail into the body.`,
      );
    if (XML_TAG.test(description))
      warning(
        'XML_TAG',
        'description',
        '`description` contains an XML tag, which the Claude API refuses in skill metadata: remove the angle brackets.',
      );
  }

  // license, compatibility
  if (data.license !== undefined && typeof data.license !== 'string')
    error(
      'LICENSE_TYPE',
      'license',
      `\`license\` must be a string (an SPDX id or a bundled file name), not ${describeType(data.license)}.`,
    );
  const compatibility = data.compatibility;
  if (compatibility !== undefined) {
    if (typeof compatibility !== 'string')
      error(
        'COMPATIBILITY_TYPE',
        'compatibility',
        `\`compatibility\` must be a string, not ${describeType(compatibility)}.`,
      );
    else if (compatibility.length === 0 || compatibility.length > 500)
      error(
        'COMPATIBILITY_LENGTH',
        'compatibility',
        `\`compatibility\` must be 1 to 500 characters; it has ${compatibility.length}. Omit it when there is nothing to say.`,
      );
  }

  // metadata
  const metadata = data.metadata;
  if (metadata !== undefined) {
    if (!isRecord(metadata)) {
      error(
        'METADATA_TYPE',
        'metadata',
        `\`metadata\` must be a mapping of strings (\`author: me\`), not ${describeType(metadata)}.`,
      );
    } else {
      for (const [key, value] of Object.entries(metadata)) {
        if (typeof value === 'string') continue;
        out.push(
          doc.diagnostic(
            'METADATA_VALUE',
            'error',
            `\`metadata.${key}\` must be a string, not ${describeType(value)}: quote it ("${String(JSON.stringify(value))}").`,
            doc.entrySpan('metadata', key) ?? at('metadata'),
            'metadata',
          ),
        );
      }
    }
  }

  // allowed-tools
  const allowed = data['allowed-tools'];
  if (allowed !== undefined && allowed !== null) {
    const ok = typeof allowed === 'string' || (mode === 'claude-code' && isStringList(allowed));
    if (!ok)
      error(
        'ALLOWED_TOOLS_TYPE',
        'allowed-tools',
        mode === 'strict'
          ? `\`allowed-tools\` must be a space-separated string ("Read Grep Bash(git:*)"), not ${describeType(allowed)}.`
          : `\`allowed-tools\` must be a space-separated string or a list of strings, not ${describeType(allowed)}.`,
      );
  }

  // unknown keys
  for (const key of Object.keys(data)) {
    if (SPEC_KEYS.has(key) || (mode === 'claude-code' && CLAUDE_CODE_KEYS.has(key))) continue;
    const span = doc.keySpan(key) ?? doc.headSpan;
    if (mode === 'strict') {
      const why = CLAUDE_CODE_KEYS.has(key)
        ? `is a Claude Code field, not part of the Agent Skills specification: validate in claude-code mode or drop it`
        : `is not part of the Agent Skills specification: move it under \`metadata\``;
      out.push(doc.diagnostic('UNKNOWN_KEY', 'error', `\`${key}\` ${why}.`, span, key));
    } else {
      out.push(
        doc.diagnostic(
          'UNKNOWN_KEY',
          'warning',
          `\`${key}\` is neither an Agent Skills nor a Claude Code field and is ignored: move it under \`metadata\` or remove it.`,
          span,
          key,
        ),
      );
    }
  }

  if (mode === 'claude-code') out.push(...claudeCodeFieldRules(doc, data));
  return out;
}

function claudeCodeFieldRules(
  doc: FrontmatterDocument,
  data: Record<string, unknown>,
): SkillDiagnostic[] {
  const out: SkillDiagnostic[] = [];
  const at = (key: string) => doc.valueSpan(key) ?? doc.headSpan;
  const type = (key: string, expected: string) =>
    out.push(
      doc.diagnostic(
        'FIELD_TYPE',
        'error',
        `\`${key}\` must be ${expected}, not ${describeType(data[key])}.`,
        at(key),
        key,
      ),
    );
  const value = (key: string, message: string) =>
    out.push(doc.diagnostic('FIELD_VALUE', 'error', message, at(key), key));

  const has = (key: string) => data[key] !== undefined && data[key] !== null;
  for (const key of ['when_to_use', 'model', 'agent']) {
    if (has(key) && typeof data[key] !== 'string') type(key, 'a string');
  }
  for (const key of ['argument-hint', 'arguments', 'disallowed-tools', 'paths']) {
    if (has(key) && typeof data[key] !== 'string' && !isStringList(data[key]))
      type(key, 'a string or a list of strings');
  }
  for (const key of ['disable-model-invocation', 'user-invocable']) {
    if (has(key) && typeof data[key] !== 'boolean') type(key, 'true or false');
  }
  if (has('effort')) {
    const effort = data.effort;
    const ok =
      (typeof effort === 'string' && EFFORTS.includes(effort)) ||
      (typeof effort === 'number' && Number.isInteger(effort) && effort > 0);
    if (!ok)
      value(
        'effort',
        `\`effort\` must be one of ${EFFORTS.join(', ')} or a positive integer, not ${JSON.stringify(effort)}.`,
      );
  }
  if (has('context') && data.context !== 'fork' && data.context !== 'inherit')
    value(
      'context',
      `\`context\` must be "fork" (run in a forked subagent) or "inherit", not ${JSON.stringify(data.context)}.`,
    );
  if (has('shell')) {
    if (typeof data.shell !== 'string') type('shell', 'a string');
    else if (data.shell !== 'bash' && data.shell !== 'powershell')
      value('shell', `\`shell\` must be "bash" or "powershell", not "${data.shell}".`);
  }
  if (has('hooks')) {
    if (!isRecord(data.hooks)) type('hooks', 'a mapping of hook events to matcher lists');
    else
      for (const problem of validateHooksConfig(data.hooks, { form: 'events', file: doc.file })) {
        out.push(
          doc.diagnostic(
            'FIELD_VALUE',
            problem.severity,
            `\`hooks${problem.pointer.replace(/\//g, '.')}\`: ${problem.message}`,
            at('hooks'),
            'hooks',
          ),
        );
      }
  }
  return out;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** A valid name close to `raw`: `My_Skill` → `my-skill`. */
export function suggestName(raw: string): string {
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'my-skill' : slug;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
