import type { SettingSource } from '../options/ClaudeAgentOptions.js';
import type { PermissionMode } from '../permissions/types.js';
import type { SDKSettingsParseError } from '../control/controlTypes.js';
import type { OpenString } from '../messages/openString.js';

/** A settings scope the CLI writes to (`claude config --scope`, `/permissions`). */
export type ConfigScope = 'local' | 'user' | 'project';

/**
 * Claude Code's settings file (`settings.json`), the keys most hosts read typed. The CLI knows
 * many more; they are kept as they are (`[key: string]: unknown`).
 */
export interface Settings {
  $schema?: string;
  model?: string;
  availableModels?: string[];
  /** Managed settings only: models users cannot pick (see `matchDeniedModels()`). */
  deniedModels?: string[];
  env?: Record<string, string>;
  apiKeyHelper?: string;
  cleanupPeriodDays?: number;
  includeCoAuthoredBy?: boolean;
  outputStyle?: string;
  permissions?: {
    allow?: string[];
    deny?: string[];
    ask?: string[];
    defaultMode?: PermissionMode;
    additionalDirectories?: string[];
    disableBypassPermissionsMode?: 'disable';
    [key: string]: unknown;
  };
  hooks?: Record<string, unknown>;
  sandbox?: Record<string, unknown>;
  enabledPlugins?: Record<string, unknown>;
  enableAllProjectMcpServers?: boolean;
  enabledMcpjsonServers?: string[];
  disabledMcpjsonServers?: string[];
  allowManagedPermissionRulesOnly?: boolean;
  allowManagedHooksOnly?: boolean;
  [key: string]: unknown;
}

/**
 * Where a setting came from: a settings file (`user`, `project`, `local`), the policy tier
 * (`managed`), or the `--settings` flag tier (`flag`).
 */
export type ResolvedSettingSource = SettingSource | 'managed' | 'flag';

/**
 * Which policy source supplied a `managed` value. We read `file` (managed-settings.json and its
 * `managed-settings.d/` drop-ins), `remote` (`serverManagedSettings`) and `parent`
 * (`managedSettings`); the others name the CLI's MDM and registry sources, which we do not read.
 */
export type PolicySettingsOrigin =
  'helper' | 'remote' | 'plist' | 'hklm' | 'file' | 'parent' | 'hkcu';

/** Which source set one top-level key of the effective settings. */
export interface ProvenanceEntry {
  source: ResolvedSettingSource;
  /** The settings file, for file sources. */
  path?: string;
  /** For `managed`: which policy source. */
  policyOrigin?: PolicySettingsOrigin;
}

/** One source that contributed, as read. */
export interface ResolvedSettingsSourceEntry {
  source: ResolvedSettingSource;
  settings: Settings;
  path?: string;
  policyOrigin?: PolicySettingsOrigin;
}

/** What `resolveSettings()` answers. */
export interface ResolvedSettings {
  /** All sources merged, highest precedence last (objects merge deeply, lists join). */
  effective: Settings;
  /** For each top-level key of `effective`, the highest source that set it. */
  provenance: Partial<Record<keyof Settings, ProvenanceEntry>>;
  /** Each source as read, lowest precedence first: for nested keys, read these. */
  sources: ResolvedSettingsSourceEntry[];
  /** Files skipped with `invalidFiles: 'skip'` (the CLI's `getSettings()` lists the same). */
  errors: SDKSettingsParseError[];
}

/** Options of `resolveSettings()`. */
export interface ResolveSettingsOptions {
  /** Where project and local settings are read (`.claude/` below it). Default: `process.cwd()`. */
  cwd?: string;
  /**
   * Which settings files to read. Default: all three, as the CLI does on its own; `[]` reads
   * none (the policy tier is still read). Note that `query()` defaults to none.
   */
  settingSources?: SettingSource[];
  /**
   * The policy settings a host passes down (the official `managedSettings` option). Only
   * restrictive keys are kept: `allowManaged…Only` locks, `permissions.deny`/`ask`/
   * `disableBypassPermissionsMode`, `deniedModels`, and sandbox restrictions.
   */
  managedSettings?: Settings;
  /** A fresher copy of the server-managed settings (policy origin `remote`), kept as given. */
  serverManagedSettings?: Settings;
  /** The `--settings` tier (a JSON object), between local settings and the policy tier. */
  flagSettings?: Settings;
  /** The CLI's config dir (user settings). Default: `CLAUDE_CONFIG_DIR`, else `~/.claude`. */
  configDir?: string;
  /**
   * The folder with `managed-settings.json` and `managed-settings.d/`. Default: the CLI's
   * (`/etc/claude-code`, `/Library/Application Support/ClaudeCode`, `C:\Program Files\ClaudeCode`).
   */
  managedSettingsDir?: string;
  /**
   * A file that is unreadable or not a JSON object: `throw` a `SettingsParseError` (default), or
   * `skip` it and list it in `errors`, as the CLI does.
   */
  invalidFiles?: 'throw' | 'skip';
}

/**
 * What `getSettings()` answers inside a running session: the CLI's own merge (the same shape
 * `resolveSettings()` gives outside one, with the CLI's source names) and the settings files it
 * skipped. Fields a newer CLI adds (`applied`, …) are kept.
 */
export interface SessionSettings {
  effective: Settings;
  sources: Array<{
    source: OpenString<
      'userSettings' | 'projectSettings' | 'localSettings' | 'flagSettings' | 'policySettings'
    >;
    settings: Settings;
  }>;
  errors?: SDKSettingsParseError[];
  [key: string]: unknown;
}
