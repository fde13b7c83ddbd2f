import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import type { Severity } from '../diagnostics/Severity.js';
import { describeType } from '../internal/describeType.js';
import { isRecord } from '../internal/isRecord.js';
import { pointer } from '../internal/jsonPointer.js';
import { personProblems, pluginNameProblem } from './validatePluginManifest.js';

export interface MarketplaceCheck {
  diagnostics: PluginDiagnostic[];
  /** Entries with a `./` source, for the caller to check on disk. */
  localSources: Array<{ name: string; path: string; pointer: string }>;
}

/** Marketplace names Claude Code keeps for itself. */
const RESERVED = new Set(['inline', 'builtin', 'skills-dir', 'synced', 'claude-plugin-test']);
const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const REMOTE_SOURCES: Record<string, string[]> = {
  github: ['repo'],
  url: ['url'],
  'git-subdir': ['url', 'path'],
  npm: ['package'],
  archive: ['url'],
  command: ['command'],
};

/** Check a parsed marketplace.json against Claude Code's rules. Pure. */
export function validateMarketplaceManifest(
  manifest: unknown,
  file = '.claude-plugin/marketplace.json',
): MarketplaceCheck {
  const diagnostics: PluginDiagnostic[] = [];
  const localSources: MarketplaceCheck['localSources'] = [];
  const add = (code: PluginDiagnostic['code'], severity: Severity, at: string, message: string) =>
    diagnostics.push({ code, severity, file, pointer: at, message });
  const error = (code: PluginDiagnostic['code'], at: string, message: string) =>
    add(code, 'error', at, message);

  if (!isRecord(manifest)) {
    error('TYPE', '', `marketplace.json must hold a JSON object, not ${describeType(manifest)}.`);
    return { diagnostics, localSources };
  }
  const name = manifest.name;
  if (name === undefined)
    error(
      'REQUIRED',
      '/name',
      'Missing "name": the marketplace\'s id in `plugin@marketplace`, in kebab-case.',
    );
  else if (typeof name !== 'string')
    error('TYPE', '/name', `"name" must be a string, not ${describeType(name)}.`);
  else if (
    name === '' ||
    name === '.' ||
    /[\s/\\]/.test(name) ||
    name.includes('..') ||
    !ID_PART.test(name)
  )
    error(
      'NAME_INVALID',
      '/name',
      `Marketplace name "${name}" cannot be used in a plugin id (plugin@marketplace): use letters, digits, ".", "_" and "-", starting with a letter or digit ("my-marketplace").`,
    );
  else if (RESERVED.has(name.toLowerCase()))
    error(
      'NAME_RESERVED',
      '/name',
      `Marketplace name "${name}" is reserved by Claude Code: choose another.`,
    );

  if (manifest.owner === undefined)
    error('REQUIRED', '/owner', 'Missing "owner": { "name": "…", "email"?: "…" }.');
  else diagnostics.push(...personProblems(manifest.owner, '/owner', 'owner', file));

  const metadata = isRecord(manifest.metadata) ? manifest.metadata : undefined;
  if (manifest.description === undefined && metadata?.description === undefined)
    add(
      'METADATA_MISSING',
      'warning',
      '/description',
      'No "description": add one so users know what this marketplace offers.',
    );

  const plugins = manifest.plugins;
  if (plugins === undefined) {
    error('REQUIRED', '/plugins', 'Missing "plugins": a list of { "name", "source" } entries.');
    return { diagnostics, localSources };
  }
  if (!Array.isArray(plugins)) {
    error('TYPE', '/plugins', `"plugins" must be a list, not ${describeType(plugins)}.`);
    return { diagnostics, localSources };
  }
  if (plugins.length === 0)
    add('PLUGINS_EMPTY', 'warning', '/plugins', 'The marketplace lists no plugins.');

  const seen = new Map<string, number>();
  plugins.forEach((entry: unknown, i) => {
    const at = pointer('/plugins', i);
    if (!isRecord(entry)) {
      error(
        'TYPE',
        at,
        `A plugin entry must be an object { "name", "source" }, not ${describeType(entry)}.`,
      );
      return;
    }
    const problem = pluginNameProblem(entry.name);
    let entryName: string | undefined;
    if (problem) error(problem.code, pointer(at, 'name'), problem.message);
    else {
      entryName = entry.name as string;
      const first = seen.get(entryName);
      if (first !== undefined) {
        error(
          'DUPLICATE_PLUGIN',
          pointer(at, 'name'),
          `Plugin "${entryName}" is listed twice (also at /plugins/${first}); names must be unique.`,
        );
        if (
          !diagnostics.some(
            (d) =>
              d.code === 'DUPLICATE_PLUGIN' && d.pointer === pointer('/plugins', first, 'name'),
          )
        )
          error(
            'DUPLICATE_PLUGIN',
            pointer('/plugins', first, 'name'),
            `Plugin "${entryName}" is listed twice (also at /plugins/${i}); names must be unique.`,
          );
      } else seen.set(entryName, i);
    }
    for (const key of ['description', 'version', 'category'])
      if (entry[key] !== undefined && typeof entry[key] !== 'string')
        error(
          'TYPE',
          pointer(at, key),
          `"${key}" must be a string, not ${describeType(entry[key])}.`,
        );
    if (entry.strict !== undefined && typeof entry.strict !== 'boolean')
      error('TYPE', pointer(at, 'strict'), '"strict" must be true or false.');
    if (
      entry.tags !== undefined &&
      !(Array.isArray(entry.tags) && entry.tags.every((t) => typeof t === 'string'))
    )
      error('TYPE', pointer(at, 'tags'), '"tags" must be a list of strings.');

    const source = entry.source;
    const sourceAt = pointer(at, 'source');
    if (source === undefined)
      error(
        'REQUIRED',
        sourceAt,
        'Missing "source": "./plugins/<name>" or { "source": "github", "repo": "owner/repo" }.',
      );
    else if (typeof source === 'string') {
      const path = source === '.' ? './' : source;
      if (path.split(/[\\/]/).includes('..'))
        error(
          'PATH_TRAVERSAL',
          sourceAt,
          `Source "${source}" contains "..": local sources are relative to the marketplace root (the folder holding .claude-plugin/) and stay inside it.`,
        );
      else if (!path.startsWith('./'))
        error(
          'PATH_NOT_RELATIVE',
          sourceAt,
          `Source "${source}" must start with "./" (relative to the marketplace root): "./${source.replace(/^\/+/, '')}".`,
        );
      else if (entryName !== undefined)
        localSources.push({ name: entryName, path, pointer: sourceAt });
    } else if (!isRecord(source))
      error(
        'SOURCE_INVALID',
        sourceAt,
        `"source" must be a ./path or a source object, not ${describeType(source)}.`,
      );
    else {
      const kind = source.source;
      const required = typeof kind === 'string' ? REMOTE_SOURCES[kind] : undefined;
      if (!required)
        error(
          'SOURCE_INVALID',
          pointer(sourceAt, 'source'),
          `Unknown source type ${JSON.stringify(kind)}: use one of ${Object.keys(REMOTE_SOURCES).join(', ')}.`,
        );
      else
        for (const key of required)
          if (typeof source[key] !== 'string' || source[key] === '')
            error(
              'REQUIRED',
              pointer(sourceAt, key),
              `A "${String(kind)}" source needs "${key}" as a string.`,
            );
    }
  });
  return { diagnostics, localSources };
}
