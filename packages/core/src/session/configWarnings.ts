import { LEGACY_TOOL_NAME_ALIASES } from '../constants.js';
import type { ClaudeAgentOptions, SDKWarning } from '../options/ClaudeAgentOptions.js';

/**
 * Configurations that silently make `canUseTool` useless: the CLI answers permission checks
 * itself and never asks. Better a warning at start than a callback that never fires.
 */
export function configWarnings(options: ClaudeAgentOptions): SDKWarning[] {
  const warnings: SDKWarning[] = legacyToolNameWarnings(options);
  if (!options.canUseTool) return warnings;
  if (options.permissionMode === 'bypassPermissions') {
    warnings.push({
      code: 'CONFIG',
      message:
        "permissionMode 'bypassPermissions' allows every tool without asking, so canUseTool will never be called.",
    });
  }
  const wholeTools = (options.allowedTools ?? []).filter((rule) => !rule.includes('('));
  if (wholeTools.length) {
    warnings.push({
      code: 'CONFIG',
      message: `allowedTools allows ${wholeTools.join(', ')} outright, so canUseTool is never asked about ${
        wholeTools.length === 1 ? 'it' : 'them'
      }. Use a rule with a pattern (e.g. "Bash(git *)") or drop them from allowedTools to be asked.`,
    });
  }
  return warnings;
}

/** Tool lists that use a former tool name: still accepted today, dropped when the alias goes. */
function legacyToolNameWarnings(options: ClaudeAgentOptions): SDKWarning[] {
  const lists = {
    tools: Array.isArray(options.tools) ? options.tools : [],
    allowedTools: options.allowedTools ?? [],
    disallowedTools: options.disallowedTools ?? [],
  };
  const warnings: SDKWarning[] = [];
  for (const [key, rules] of Object.entries(lists)) {
    for (const rule of rules) {
      const name = rule.replace(/\(.*$/s, '');
      const current = Object.hasOwn(LEGACY_TOOL_NAME_ALIASES, name)
        ? LEGACY_TOOL_NAME_ALIASES[name]
        : undefined;
      if (current === undefined) continue;
      warnings.push({
        code: 'CONFIG',
        message: `${key} names the tool "${name}" by its former name; use "${current}" (the old name is accepted only while the CLI keeps the alias).`,
      });
    }
  }
  return warnings;
}
