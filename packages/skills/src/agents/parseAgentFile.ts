import type { AgentDefinition, PermissionMode } from '@agentsdk/core';
import { basename } from 'node:path';
import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import { describeType } from '../internal/describeType.js';
import {
  parseFrontmatterDocument,
  type FrontmatterDocument,
} from '../internal/frontmatterDocument.js';
import { AGENT_FRONTMATTER_KEYS, type AgentFrontmatter } from './AgentFrontmatter.js';

/** A parsed agent file. */
export interface AgentFile {
  file: string;
  /** The frontmatter `name`, else the file name without `.md`. */
  name: string;
  /** For core's `agents` option: `{ [file.name]: file.definition }`. */
  definition: AgentDefinition;
  /** The fields that have the right type. */
  frontmatter: AgentFrontmatter;
  /** The frontmatter as written (`undefined` when it does not parse as a mapping). */
  data: Record<string, unknown> | undefined;
  /** Problems, with file, line and column. `error`s mean `definition` is incomplete. */
  diagnostics: SkillDiagnostic[];
}

export interface ParseAgentFileOptions {
  /** Named in diagnostics; its base name is the default agent name. Default `agent.md`. */
  file?: string;
}

const KEYS: ReadonlySet<string> = new Set(AGENT_FRONTMATTER_KEYS);
const MODES: ReadonlySet<string> = new Set([
  'default',
  'acceptEdits',
  'plan',
  'bypassPermissions',
  'dontAsk',
  'auto',
]);
const AGENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parse an agent Markdown file (frontmatter + system prompt). Never throws. */
export function parseAgentFile(source: string, options: ParseAgentFileOptions = {}): AgentFile {
  const file = options.file ?? 'agent.md';
  const doc = parseFrontmatterDocument(source, file);
  const data = doc.data;
  const diagnostics = [...doc.diagnostics];
  if (!doc.hasFrontmatter) {
    const missing = diagnostics.find((d) => d.code === 'FRONTMATTER_MISSING');
    if (missing)
      missing.message =
        'No YAML frontmatter: an agent file starts with `---`, `name:`, `description:`, then `---` and the prompt.';
  }
  const frontmatter: AgentFrontmatter = {};
  if (data !== undefined && doc.hasFrontmatter)
    diagnostics.push(...agentRules(doc, data, frontmatter));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const name = frontmatter.name ?? basename(file).replace(/\.md$/i, '');
  const definition: AgentDefinition = {
    description: frontmatter.description ?? '',
    prompt: doc.body.trim(),
    ...(frontmatter.tools !== undefined && { tools: frontmatter.tools }),
    ...(frontmatter.disallowedTools !== undefined && {
      disallowedTools: frontmatter.disallowedTools,
    }),
    ...(frontmatter.model !== undefined && { model: frontmatter.model }),
  };
  return { file, name, definition, frontmatter, data, diagnostics };
}

function agentRules(
  doc: FrontmatterDocument,
  data: Record<string, unknown>,
  out: AgentFrontmatter,
): SkillDiagnostic[] {
  const diagnostics: SkillDiagnostic[] = [];
  const at = (key: string) => doc.valueSpan(key) ?? doc.headSpan;
  const push = (
    code: SkillDiagnostic['code'],
    severity: 'error' | 'warning',
    key: string,
    message: string,
  ) => diagnostics.push(doc.diagnostic(code, severity, message, at(key), key));

  const name = data.name;
  if (name === undefined || name === null)
    push(
      'NAME_MISSING',
      'warning',
      'name',
      'No `name`: Claude Code names the agent after the file, and skips a project agent without one. Add `name: <kebab-case>`.',
    );
  else if (typeof name !== 'string')
    push('NAME_TYPE', 'error', 'name', `\`name\` must be a string, not ${describeType(name)}.`);
  else {
    out.name = name;
    if (!AGENT_NAME.test(name))
      push(
        'NAME_FORMAT',
        'warning',
        'name',
        `Agent name "${name}" should use lowercase letters, digits and hyphens.`,
      );
  }

  const description = data.description;
  if (description === undefined || description === null)
    push(
      'DESCRIPTION_MISSING',
      'error',
      'description',
      'Missing `description`: say when Claude should delegate to this agent.',
    );
  else if (typeof description !== 'string')
    push(
      'DESCRIPTION_TYPE',
      'error',
      'description',
      `\`description\` must be a string, not ${describeType(description)}.`,
    );
  else if (description.trim() === '')
    push(
      'DESCRIPTION_EMPTY',
      'error',
      'description',
      '`description` is empty: say when Claude should delegate to this agent.',
    );
  else out.description = description;

  for (const key of ['tools', 'disallowedTools', 'skills'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const list = toolList(value);
    if (list === undefined)
      push(
        'FIELD_TYPE',
        'error',
        key,
        `\`${key}\` must be a comma-separated string ("Read, Grep") or a list of strings, not ${describeType(value)}.`,
      );
    else out[key] = list;
  }
  for (const key of ['model', 'color'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      push('FIELD_TYPE', 'error', key, `\`${key}\` must be a string, not ${describeType(value)}.`);
    else out[key] = value;
  }
  const mode = data.permissionMode;
  if (mode !== undefined && mode !== null) {
    if (typeof mode === 'string' && MODES.has(mode)) out.permissionMode = mode as PermissionMode;
    else
      push(
        'FIELD_VALUE',
        'error',
        'permissionMode',
        `\`permissionMode\` must be one of ${[...MODES].join(', ')}, not ${JSON.stringify(mode)}.`,
      );
  }
  const maxTurns = data.maxTurns;
  if (maxTurns !== undefined && maxTurns !== null) {
    if (typeof maxTurns === 'number' && Number.isInteger(maxTurns) && maxTurns > 0)
      out.maxTurns = maxTurns;
    else
      push(
        'FIELD_VALUE',
        'error',
        'maxTurns',
        `\`maxTurns\` must be a positive integer, not ${JSON.stringify(maxTurns)}.`,
      );
  }
  const effort = data.effort;
  if (typeof effort === 'string' || typeof effort === 'number') out.effort = effort;

  for (const key of Object.keys(data))
    if (!KEYS.has(key))
      diagnostics.push(
        doc.diagnostic(
          'UNKNOWN_KEY',
          'warning',
          `\`${key}\` is not an agent field Claude Code reads; it is ignored.`,
          doc.keySpan(key) ?? doc.headSpan,
          key,
        ),
      );
  return diagnostics;
}

function toolList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitTopLevel(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Split on commas outside parentheses and braces: `Read, Bash(git add:*)`. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '{') depth++;
    else if ((ch === ')' || ch === '}') && depth > 0) depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}
