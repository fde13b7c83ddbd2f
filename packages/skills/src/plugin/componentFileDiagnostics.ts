import { parseAgentFile } from '../agents/parseAgentFile.js';
import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import type { Severity } from '../diagnostics/Severity.js';
import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import { describeType } from '../internal/describeType.js';
import { parseFrontmatterDocument } from '../internal/frontmatterDocument.js';
import { isRecord } from '../internal/isRecord.js';
import type { SkillFiles } from '../skill/skillLintRules.js';
import { validateSkill } from '../skill/validateSkill.js';

/**
 * By default a skill or agent file inside a plugin keeps the severities of the Agent Skills format
 * (a bad name, a name that differs from its folder, a missing description, no frontmatter: errors).
 * With `lenient` (the compatibility mode) only problems that make Claude Code drop a file's
 * metadata or refuse the plugin stay errors; the format rules Claude Code tolerates become
 * warnings, as `claude plugin validate` reports them. Syntax that Claude Code recovers from but
 * YAML does not (duplicate keys, unparseable YAML it re-quotes, an unclosed block) stays an error
 * in both modes: see the README's "Deliberate differences".
 */
const RUNTIME_ERRORS: ReadonlySet<string> = new Set([
  'YAML_SYNTAX',
  'DUPLICATE_KEY',
  'FRONTMATTER_UNCLOSED',
  'FRONTMATTER_NOT_MAPPING',
  'NAME_TYPE',
  'ALLOWED_TOOLS_TYPE',
]);

function runtimeSeverity(d: SkillDiagnostic, data: Record<string, unknown> | undefined): Severity {
  if (d.severity === 'warning') return 'warning';
  if (RUNTIME_ERRORS.has(d.code)) return 'error';
  if (d.code === 'DESCRIPTION_TYPE') {
    const value = data?.description;
    return typeof value === 'number' || typeof value === 'boolean' ? 'warning' : 'error';
  }
  if ((d.code === 'FIELD_TYPE' || d.code === 'FIELD_VALUE') && d.key === 'shell') return 'error';
  return 'warning';
}

function toPlugin(d: SkillDiagnostic, file: string, severity: Severity): PluginDiagnostic {
  return {
    code: d.code,
    severity,
    message: d.message,
    file,
    pointer: d.key === undefined ? '' : `/${d.key}`,
    line: d.line,
    column: d.column,
  };
}

/** A skill inside a plugin: the SKILL.md rules (with Claude Code's severities when `lenient`). */
export function skillFileDiagnostics(
  source: string,
  file: string,
  directoryName: string | undefined,
  files: SkillFiles | undefined,
  lenient: boolean,
): PluginDiagnostic[] {
  const result = validateSkill(source, {
    file,
    mode: 'claude-code',
    ...(directoryName !== undefined && { directoryName }),
    ...(files !== undefined && { files }),
  });
  return result.diagnostics.map((d) =>
    toPlugin(d, file, lenient ? lenientSeverity(d, result.document.data) : d.severity),
  );
}

/** An agent file inside a plugin: a missing description or frontmatter is an error unless `lenient`. */
export function agentFileDiagnostics(
  source: string,
  file: string,
  lenient: boolean,
): PluginDiagnostic[] {
  const parsed = parseAgentFile(source, { file });
  return parsed.diagnostics.map((d) =>
    toPlugin(d, file, lenient ? lenientSeverity(d, parsed.data) : d.severity),
  );
}

/** The severity `claude plugin validate` gives a skill or agent problem. */
export function lenientSeverity(
  d: SkillDiagnostic,
  data: Record<string, unknown> | undefined,
): Severity {
  return d.code === 'FRONTMATTER_MISSING' ? 'warning' : runtimeSeverity(d, data);
}

/** A command file inside a plugin: frontmatter is optional; what is there must load. */
export function commandFileDiagnostics(source: string, file: string): PluginDiagnostic[] {
  const doc = parseFrontmatterDocument(source, file);
  const out = doc.diagnostics.map((d) =>
    toPlugin(d, file, d.code === 'FRONTMATTER_MISSING' ? 'warning' : runtimeSeverity(d, doc.data)),
  );
  const data = doc.data;
  if (!doc.hasFrontmatter || data === undefined) return out;
  const add = (code: SkillDiagnostic['code'], severity: Severity, key: string, message: string) =>
    out.push(
      toPlugin(
        doc.diagnostic(code, severity, message, doc.valueSpan(key) ?? doc.headSpan, key),
        file,
        severity,
      ),
    );
  const description = data.description;
  if (description === undefined || description === null)
    add(
      'DESCRIPTION_MISSING',
      'warning',
      'description',
      'No `description`: it is shown in the command list; add one.',
    );
  else if (
    typeof description !== 'string' &&
    typeof description !== 'number' &&
    typeof description !== 'boolean'
  )
    add(
      'DESCRIPTION_TYPE',
      'error',
      'description',
      `\`description\` must be a string, not ${describeType(description)}.`,
    );
  if (data.name !== undefined && data.name !== null && typeof data.name !== 'string')
    add('NAME_TYPE', 'error', 'name', `\`name\` must be a string, not ${describeType(data.name)}.`);
  const tools = data['allowed-tools'];
  if (
    tools !== undefined &&
    tools !== null &&
    typeof tools !== 'string' &&
    !(Array.isArray(tools) && tools.every((t) => typeof t === 'string'))
  )
    add(
      'ALLOWED_TOOLS_TYPE',
      'error',
      'allowed-tools',
      '`allowed-tools` must be a string or a list of strings.',
    );
  if (data.metadata !== undefined && data.metadata !== null && !isRecord(data.metadata))
    add(
      'METADATA_TYPE',
      'warning',
      'metadata',
      '`metadata` must be a mapping; Claude Code drops it.',
    );
  const shell = data.shell;
  if (
    shell !== undefined &&
    shell !== null &&
    (typeof shell !== 'string' || !['bash', 'powershell'].includes(shell.trim().toLowerCase()))
  )
    add(
      'FIELD_VALUE',
      'error',
      'shell',
      `\`shell\` must be "bash" or "powershell", not ${JSON.stringify(shell)}.`,
    );
  return out;
}
