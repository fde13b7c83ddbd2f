import { configDir as defaultConfigDir } from '../sessions/sessionPaths.js';
import type { SDKSettingsParseError } from '../control/controlTypes.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { SettingsParseError } from '../errors/SettingsParseError.js';
import type { SettingSource } from '../options/ClaudeAgentOptions.js';
import { readManagedFiles, restrictiveOnly, type PolicySource } from './managedSettings.js';
import { mergeSettings } from './mergeSettings.js';
import { readSettingsFile } from './readSettingsFile.js';
import { defaultManagedSettingsDir, settingsFilePath } from './settingsPaths.js';
import type {
  ProvenanceEntry,
  ResolvedSettings,
  ResolvedSettingsSourceEntry,
  ResolveSettingsOptions,
  Settings,
} from './types.js';

const FILE_SOURCES: readonly SettingSource[] = ['user', 'project', 'local'];

/**
 * The settings a session started here would see, without starting the CLI: user, project and
 * local files, the `--settings` tier, then the policy tier, each over the one before. Objects
 * merge deeply and lists join, as in the CLI; the policy tier is the first of
 * `serverManagedSettings`, the managed-settings files, `managedSettings` that has anything.
 *
 * Not a security decision: MDM profiles, the Windows registry, the CLI's own cache of
 * server-managed settings and a policy helper are not read, and `permissions.defaultMode` is
 * reported as set (see `filterEscalatingDefaultMode()`).
 */
export async function resolveSettings(
  options: ResolveSettingsOptions = {},
): Promise<ResolvedSettings> {
  checkOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const configDir = options.configDir ?? defaultConfigDir();
  const errors: SDKSettingsParseError[] = [];
  const fail = (error: SettingsParseError): void => {
    if (options.invalidFiles === 'skip') {
      errors.push({ file: error.path, path: '', message: error.message });
    } else throw error;
  };

  const sources: ResolvedSettingsSourceEntry[] = [];
  const wanted = options.settingSources ?? FILE_SOURCES;
  for (const source of FILE_SOURCES) {
    if (!wanted.includes(source)) continue;
    const path = settingsFilePath(source, cwd, configDir);
    const read = await readSettingsFile(path);
    if (read instanceof SettingsParseError) fail(read);
    else if (read !== undefined) sources.push({ source, settings: read, path });
  }
  if (options.flagSettings && Object.keys(options.flagSettings).length) {
    sources.push({ source: 'flag', settings: options.flagSettings });
  }
  const policy = await policyTier(options, fail);
  if (policy) {
    sources.push({
      source: 'managed',
      settings: policy.settings,
      policyOrigin: policy.policyOrigin,
      ...(policy.path !== undefined ? { path: policy.path } : {}),
    });
  }

  let effective: Settings = {};
  const provenance: Partial<Record<string, ProvenanceEntry>> = {};
  for (const entry of sources) {
    effective = mergeSettings(effective, entry.settings);
    for (const key of Object.keys(entry.settings)) {
      if (key === '__proto__') continue; // dropped by the merge too
      provenance[key] = {
        source: entry.source,
        ...(entry.path !== undefined ? { path: entry.path } : {}),
        ...(entry.policyOrigin !== undefined ? { policyOrigin: entry.policyOrigin } : {}),
      };
    }
  }
  return { effective, provenance, sources, errors };
}

/** The first policy source that has anything: remote, then the files, then the host's. */
async function policyTier(
  options: ResolveSettingsOptions,
  fail: (error: SettingsParseError) => void,
): Promise<PolicySource | undefined> {
  const remote = options.serverManagedSettings;
  if (remote && Object.keys(remote).length) return { settings: remote, policyOrigin: 'remote' };
  const files = await readManagedFiles(
    options.managedSettingsDir ?? defaultManagedSettingsDir(),
    fail,
  );
  if (files && Object.keys(files.settings).length) return files;
  const parent = options.managedSettings ? restrictiveOnly(options.managedSettings) : {};
  if (Object.keys(parent).length) return { settings: parent, policyOrigin: 'parent' };
  return undefined;
}

function checkOptions(options: ResolveSettingsOptions): void {
  const bad = (name: string, why: string): never => {
    throw new InvalidArgumentError('resolveSettings', name, why);
  };
  if (typeof options !== 'object' || options === null) bad('options', 'must be an object');
  for (const name of ['cwd', 'configDir', 'managedSettingsDir'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      bad(name, `must be a non-empty path (got ${JSON.stringify(value)})`);
    }
  }
  const sources = options.settingSources;
  if (
    sources !== undefined &&
    (!Array.isArray(sources) || sources.some((s) => !FILE_SOURCES.includes(s)))
  ) {
    bad(
      'settingSources',
      `must list 'user', 'project' or 'local' (got ${JSON.stringify(sources)})`,
    );
  }
  for (const name of ['managedSettings', 'serverManagedSettings', 'flagSettings'] as const) {
    const value = options[name];
    if (
      value !== undefined &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      bad(name, `must be a settings object (got ${JSON.stringify(value)})`);
    }
  }
  if (options.invalidFiles !== undefined && !['throw', 'skip'].includes(options.invalidFiles)) {
    bad('invalidFiles', `must be 'throw' or 'skip' (got ${JSON.stringify(options.invalidFiles)})`);
  }
}
