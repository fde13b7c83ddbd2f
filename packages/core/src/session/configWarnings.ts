import type { ClaudeAgentOptions, SDKWarning } from '../options/ClaudeAgentOptions.js';

/**
 * Configurations that silently make `canUseTool` useless: the CLI answers permission checks
 * itself and never asks. Better a warning at start than a callback that never fires.
 */
export function configWarnings(options: ClaudeAgentOptions): SDKWarning[] {
  const warnings: SDKWarning[] = [];
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
