import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SettingsParseError } from '../errors/SettingsParseError.js';
import { mergeSettings } from './mergeSettings.js';
import { readSettingsFile } from './readSettingsFile.js';
import type { PolicySettingsOrigin, Settings } from './types.js';

export interface PolicySource {
  settings: Settings;
  policyOrigin: PolicySettingsOrigin;
  path?: string;
}

/**
 * The policy file source: `managed-settings.json`, then each `managed-settings.d/*.json` in name
 * order over it (a later drop-in wins). `undefined` when neither exists.
 */
export async function readManagedFiles(
  dir: string,
  onError: (error: SettingsParseError) => void,
): Promise<PolicySource | undefined> {
  const base = join(dir, 'managed-settings.json');
  let merged: Settings | undefined;
  const take = (read: Settings | SettingsParseError | undefined): void => {
    if (read instanceof SettingsParseError) onError(read);
    else if (read !== undefined) merged = mergeSettings(merged ?? {}, read);
  };
  take(await readSettingsFile(base));
  const dropIns = join(dir, 'managed-settings.d');
  let names: string[] = [];
  try {
    names = (await readdir(dropIns))
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      onError(
        new SettingsParseError(dropIns, `the folder cannot be listed (${code})`, { cause: error }),
      );
    }
  }
  for (const name of names) take(await readSettingsFile(join(dropIns, name)));
  return merged === undefined ? undefined : { settings: merged, policyOrigin: 'file', path: base };
}

/**
 * Keeps only what restricts (a host may tighten policy, never loosen it): the
 * `allowManaged…Only` and `strict…` locks, `permissions.deny`/`ask`/`disableBypassPermissionsMode`,
 * `deniedModels`, and the sandbox's own restrictions.
 */
export function restrictiveOnly(settings: Settings): Settings {
  const out: Settings = {};
  for (const [key, value] of Object.entries(settings)) {
    if (/^(allowManaged\w*Only|strict\w+)$/.test(key)) out[key] = value;
  }
  if (Array.isArray(settings.deniedModels)) out.deniedModels = settings.deniedModels;
  const permissions = settings.permissions;
  if (permissions) {
    const kept = pick(permissions, ['deny', 'ask', 'disableBypassPermissionsMode']);
    if (Object.keys(kept).length) out.permissions = kept;
  }
  const sandbox = settings.sandbox as Record<string, unknown> | undefined;
  if (sandbox && typeof sandbox === 'object') {
    const kept: Record<string, unknown> = {};
    if (sandbox.enabled === true) kept.enabled = true;
    if (sandbox.failIfUnavailable === true) kept.failIfUnavailable = true;
    const filesystem = pick(asRecord(sandbox.filesystem), [
      'denyRead',
      'denyWrite',
      'allowManagedReadPathsOnly',
    ]);
    if (Object.keys(filesystem).length) kept.filesystem = filesystem;
    const network = pick(asRecord(sandbox.network), ['deniedDomains', 'allowManagedDomainsOnly']);
    if (Object.keys(network).length) kept.network = network;
    if (Object.keys(kept).length) out.sandbox = kept;
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}
