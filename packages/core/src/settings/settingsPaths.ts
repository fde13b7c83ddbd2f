import { join } from 'node:path';
import type { SettingSource } from '../options/ClaudeAgentOptions.js';

/** The settings file of each filesystem source, where the CLI reads it. */
export function settingsFilePath(source: SettingSource, cwd: string, configDir: string): string {
  switch (source) {
    case 'user':
      return join(configDir, 'settings.json');
    case 'project':
      return join(cwd, '.claude', 'settings.json');
    case 'local':
      return join(cwd, '.claude', 'settings.local.json');
  }
}

/** The folder of `managed-settings.json` on this platform, as the CLI looks for it. */
export function defaultManagedSettingsDir(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (platform === 'win32') return 'C:\\Program Files\\ClaudeCode';
  return '/etc/claude-code';
}
