import type { PluginDiagnostic } from './PluginDiagnostic.js';
import type { SkillDiagnostic } from './SkillDiagnostic.js';

/**
 * One line for a terminal or a CI log:
 * `skills/pdf/SKILL.md:3:7 error NAME_FORMAT \`name\` "PDF" may use only …`
 * `.claude-plugin/plugin.json#/commands/0 error PATH_NOT_FOUND …`
 */
export function formatDiagnostic(diagnostic: SkillDiagnostic | PluginDiagnostic): string {
  const where =
    'pointer' in diagnostic
      ? diagnostic.line !== undefined
        ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`
        : `${diagnostic.file}${diagnostic.pointer === '' ? '' : `#${diagnostic.pointer}`}`
      : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  return `${where} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}
