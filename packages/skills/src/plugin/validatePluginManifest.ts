import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import type { Severity } from '../diagnostics/Severity.js';
import { describeType } from '../internal/describeType.js';
import { isAbsoluteUrl } from '../internal/isAbsoluteUrl.js';
import { isRecord } from '../internal/isRecord.js';
import { pointer } from '../internal/jsonPointer.js';
import { validateHooksConfig } from './validateHooksConfig.js';
import { validateMcpConfig } from './validateMcpConfig.js';

/** A component path a manifest declares, to be checked on disk. */
export interface DeclaredPath {
  field:
    | 'commands'
    | 'agents'
    | 'skills'
    | 'hooks'
    | 'mcpServers'
    | 'outputStyles'
    | 'lspServers'
    | 'themes'
    | 'monitors';
  /** As written: `./custom/commands`. */
  path: string;
  pointer: string;
}

export interface ManifestCheck {
  diagnostics: PluginDiagnostic[];
  /** Well-formed component paths, for the caller to check on disk. */
  paths: DeclaredPath[];
  /** The plugin's name, when valid. */
  name: string | undefined;
}

/** Fields Claude Code (2.1.x) knows in plugin.json. Others are ignored with a warning. */
export const PLUGIN_MANIFEST_FIELDS: ReadonlySet<string> = new Set([
  '$schema',
  'name',
  'displayName',
  'version',
  'description',
  'author',
  'homepage',
  'repository',
  'license',
  'keywords',
  'defaultEnabled',
  'dependencies',
  'optionalDependencies',
  'metadata',
  'engines',
  'network',
  'hooks',
  'commands',
  'agents',
  'skills',
  'outputStyles',
  'themes',
  'workflows',
  'channels',
  'mcpServers',
  'lspServers',
  'monitors',
  'settings',
  'types',
  'userConfig',
  'binaries',
  'experimental',
]);

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Check a parsed plugin.json against Claude Code's manifest rules. Pure: paths are checked for form
 * here and returned for the caller to check on disk.
 */
export function validatePluginManifest(
  manifest: unknown,
  file = '.claude-plugin/plugin.json',
): ManifestCheck {
  const diagnostics: PluginDiagnostic[] = [];
  const paths: DeclaredPath[] = [];
  const add = (code: PluginDiagnostic['code'], severity: Severity, at: string, message: string) =>
    diagnostics.push({ code, severity, file, pointer: at, message });
  const error = (code: PluginDiagnostic['code'], at: string, message: string) =>
    add(code, 'error', at, message);

  if (!isRecord(manifest)) {
    error('TYPE', '', `plugin.json must hold a JSON object, not ${describeType(manifest)}.`);
    return { diagnostics, paths, name: undefined };
  }
  const m = manifest;
  let name: string | undefined;
  const problem = pluginNameProblem(m.name);
  if (problem) error(problem.code, '/name', problem.message);
  else {
    name = m.name as string;
    if (!KEBAB_CASE.test(name))
      add(
        'NAME_NOT_KEBAB_CASE',
        'warning',
        '/name',
        `Plugin name "${name}" is not kebab-case. Claude Code loads it, but marketplace sync requires lowercase letters, digits and hyphens ("${name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}").`,
      );
  }

  for (const key of ['$schema', 'displayName', 'version', 'description', 'repository', 'license'])
    if (m[key] !== undefined && typeof m[key] !== 'string')
      error('TYPE', `/${key}`, `"${key}" must be a string, not ${describeType(m[key])}.`);
  if (m.defaultEnabled !== undefined && typeof m.defaultEnabled !== 'boolean')
    error(
      'TYPE',
      '/defaultEnabled',
      `"defaultEnabled" must be true or false, not ${describeType(m.defaultEnabled)}.`,
    );
  if (m.keywords !== undefined && !isStringList(m.keywords))
    error(
      'TYPE',
      '/keywords',
      `"keywords" must be a list of strings, not ${describeType(m.keywords)}.`,
    );
  if (m.homepage !== undefined) {
    if (typeof m.homepage !== 'string')
      error(
        'TYPE',
        '/homepage',
        `"homepage" must be a URL string, not ${describeType(m.homepage)}.`,
      );
    else if (!isAbsoluteUrl(m.homepage))
      error(
        'URL_INVALID',
        '/homepage',
        `"homepage" must be an absolute URL (https://…), not "${m.homepage}".`,
      );
  }
  if (m.author !== undefined)
    diagnostics.push(...personProblems(m.author, '/author', 'author', file));

  const missing: Array<[string, string]> = [
    ['version', 'add a semver "version" such as "1.0.0"'],
    ['description', 'add a "description" so users know what the plugin does'],
    ['author', 'add "author": { "name": "…" } for attribution'],
  ];
  for (const [key, fix] of missing)
    if (m[key] === undefined) add('METADATA_MISSING', 'warning', `/${key}`, `No "${key}": ${fix}.`);

  // component paths
  const pathList = (
    field: DeclaredPath['field'],
    value: unknown,
    check: (path: string, at: string) => boolean,
  ): void => {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item: unknown, i) => {
      const at = Array.isArray(value) ? pointer(`/${field}`, i) : `/${field}`;
      if (typeof item !== 'string') {
        error('TYPE', at, `"${field}" entries must be "./" paths, not ${describeType(item)}.`);
        return;
      }
      if (pathForm(item, at, field, error) && check(item, at))
        paths.push({ field, path: item, pointer: at });
    });
  };
  const ext = (field: string, suffixes: string[]) => (path: string, at: string) => {
    if (suffixes.some((s) => path.endsWith(s))) return true;
    error(
      'PATH_EXTENSION',
      at,
      `"${field}" path "${path}" must end with ${suffixes.join(' or ')}.`,
    );
    return false;
  };
  const any = () => true;

  if (m.commands !== undefined) {
    if (isRecord(m.commands)) {
      for (const [command, spec] of Object.entries(m.commands)) {
        const at = pointer('/commands', command);
        if (!isRecord(spec))
          error(
            'TYPE',
            at,
            `Inline command "${command}" must be an object with "source" or "content".`,
          );
        else if ((spec.source === undefined) === (spec.content === undefined))
          error(
            'REQUIRED',
            at,
            `Inline command "${command}" needs exactly one of "source" (a ./file.md) and "content" (Markdown).`,
          );
        else if (typeof spec.source === 'string') {
          if (pathForm(spec.source, pointer(at, 'source'), 'commands', error))
            paths.push({ field: 'commands', path: spec.source, pointer: pointer(at, 'source') });
        } else if (spec.source !== undefined)
          error('TYPE', pointer(at, 'source'), '"source" must be a ./path string.');
        else if (typeof spec.content !== 'string')
          error('TYPE', pointer(at, 'content'), '"content" must be a Markdown string.');
      }
    } else pathList('commands', m.commands, any);
  }
  if (m.agents !== undefined) pathList('agents', m.agents, ext('agents', ['.md']));
  if (m.skills !== undefined)
    pathList(
      'skills',
      Array.isArray(m.skills)
        ? m.skills.map((s: unknown) => (s === '.' ? './' : s))
        : m.skills === '.'
          ? './'
          : m.skills,
      any,
    );
  if (m.outputStyles !== undefined) pathList('outputStyles', m.outputStyles, any);
  if (m.themes !== undefined) pathList('themes', m.themes, any);

  const inlineOrPath = (
    field: 'hooks' | 'mcpServers' | 'lspServers' | 'monitors',
    value: unknown,
    suffixes: string[],
    inline: (v: unknown, at: string) => void,
  ): void => {
    const items = Array.isArray(value) && field !== 'monitors' ? value : [value];
    items.forEach((item: unknown, i) => {
      const at = items === value ? pointer(`/${field}`, i) : `/${field}`;
      if (typeof item === 'string') {
        if (pathForm(item, at, field, error) && ext(field, suffixes)(item, at))
          paths.push({ field, path: item, pointer: at });
      } else inline(item, at);
    });
  };
  if (m.hooks !== undefined)
    inlineOrPath('hooks', m.hooks, ['.json'], (v, at) => {
      if (!isRecord(v))
        error(
          'TYPE',
          at,
          `"hooks" must be a ./hooks.json path or an object of hook events, not ${describeType(v)}.`,
        );
      else diagnostics.push(...validateHooksConfig(v, { form: 'events', file, pointer: at }));
    });
  if (m.mcpServers !== undefined)
    inlineOrPath('mcpServers', m.mcpServers, ['.json', '.mcpb', '.dxt'], (v, at) => {
      if (!isRecord(v))
        error(
          'TYPE',
          at,
          `"mcpServers" must be a ./.mcp.json path or an object of servers, not ${describeType(v)}.`,
        );
      else diagnostics.push(...validateMcpConfig(v, { form: 'servers', file, pointer: at }));
    });
  if (m.lspServers !== undefined)
    inlineOrPath('lspServers', m.lspServers, ['.json'], (v, at) => {
      if (!isRecord(v))
        error(
          'TYPE',
          at,
          `"lspServers" must be a ./….json path or an object of servers, not ${describeType(v)}.`,
        );
    });
  if (m.monitors !== undefined)
    inlineOrPath('monitors', m.monitors, ['.json'], (v, at) => {
      if (!Array.isArray(v))
        error(
          'TYPE',
          at,
          `"monitors" must be a ./….json path or a list of monitors, not ${describeType(v)}.`,
        );
    });

  for (const key of Object.keys(m))
    if (!PLUGIN_MANIFEST_FIELDS.has(key))
      add(
        'UNKNOWN_FIELD',
        'warning',
        pointer('', key),
        `Unknown field "${key}"; Claude Code ignores it.`,
      );

  return { diagnostics, paths, name };
}

/** Why a plugin name is refused, if it is. */
export function pluginNameProblem(
  name: unknown,
): { code: 'REQUIRED' | 'TYPE' | 'NAME_INVALID'; message: string } | undefined {
  if (name === undefined)
    return {
      code: 'REQUIRED',
      message: 'Missing "name": every plugin needs one, in kebab-case ("my-plugin").',
    };
  if (typeof name !== 'string')
    return { code: 'TYPE', message: `"name" must be a string, not ${describeType(name)}.` };
  if (name === '')
    return { code: 'NAME_INVALID', message: '"name" is empty: use kebab-case ("my-plugin").' };
  if (name.includes(' '))
    return {
      code: 'NAME_INVALID',
      message: `Plugin name "${name}" contains spaces: use kebab-case ("${name.trim().toLowerCase().replace(/\s+/g, '-')}").`,
    };
  if (CONTROL.test(name))
    return {
      code: 'NAME_INVALID',
      message: 'The plugin name contains control or bidirectional-formatting characters.',
    };
  return undefined;
}

/** `author` / `owner`: `{ name, email?, url? }`. */
export function personProblems(
  value: unknown,
  at: string,
  what: string,
  file: string,
): PluginDiagnostic[] {
  const out: PluginDiagnostic[] = [];
  const error = (code: PluginDiagnostic['code'], where: string, message: string) =>
    out.push({ code, severity: 'error', file, pointer: where, message });
  if (!isRecord(value)) {
    error(
      'TYPE',
      at,
      `"${what}" must be an object { "name": "…", "email"?: "…" }, not ${describeType(value)}.`,
    );
    return out;
  }
  if (value.name === undefined) error('REQUIRED', pointer(at, 'name'), `"${what}" needs a "name".`);
  else if (typeof value.name !== 'string')
    error('TYPE', pointer(at, 'name'), `"${what}.name" must be a string.`);
  else if (value.name === '') error('REQUIRED', pointer(at, 'name'), `"${what}.name" is empty.`);
  for (const key of ['email', 'url'])
    if (value[key] !== undefined && typeof value[key] !== 'string')
      error('TYPE', pointer(at, key), `"${what}.${key}" must be a string.`);
  return out;
}

/** A component path must start with `./` and stay inside the plugin. */
function pathForm(
  path: string,
  at: string,
  field: string,
  error: (code: PluginDiagnostic['code'], at: string, message: string) => void,
): boolean {
  if (path.split(/[\\/]/).includes('..')) {
    error(
      'PATH_TRAVERSAL',
      at,
      `"${field}" path "${path}" contains "..": component paths must stay inside the plugin folder.`,
    );
    return false;
  }
  if (!path.startsWith('./')) {
    error(
      'PATH_NOT_RELATIVE',
      at,
      `"${field}" path "${path}" must start with "./" (relative to the plugin root): "./${path.replace(/^\/+/, '')}".`,
    );
    return false;
  }
  return true;
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
