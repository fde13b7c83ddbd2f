import type { SdkPluginConfig, SettingSource } from '@agentsdk/core';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { SkillDiagnostic } from '../diagnostics/SkillDiagnostic.js';
import { readText, skillFileIn, subdirectories } from '../internal/fsUtil.js';
import { isRecord } from '../internal/isRecord.js';
import { pluginSkillFolders } from '../internal/pluginSkillFolders.js';
import { readSkillFiles } from '../internal/readSkillFiles.js';
import type { SkillFrontmatter } from '../skill/SkillFrontmatter.js';
import { validateSkill } from '../skill/validateSkill.js';
import { projectSkillRoots } from './projectSkillRoots.js';

export interface DiscoverSkillsOptions {
  /** The agent's working directory. Default `process.cwd()`. */
  cwd?: string;
  /**
   * Which filesystem sources to read, as core's `settingSources`: `user` reads
   * `~/.claude/skills/`, `project` reads `.claude/skills/` from `cwd` up to the git root, `local`
   * adds no skills. Omitted or `[]`: none (as core's default).
   */
  settingSources?: SettingSource[];
  /** Plugin folders, as core's `plugins` option or plain paths (relative to `cwd`). */
  plugins?: Array<SdkPluginConfig | string>;
  /** The home folder. Default `os.homedir()`. Project discovery stops before it. */
  homeDir?: string;
  /**
   * Claude Code's config folder; user skills live in its `skills/`. Default: `$CLAUDE_CONFIG_DIR`
   * (when `homeDir` is not given), else `<homeDir>/.claude`.
   */
  configDir?: string;
  /** Also validate each SKILL.md (claude-code mode, with link checks). Default true. */
  validate?: boolean;
}

/** A skill the CLI would load. */
export interface DiscoveredSkill {
  /** The name the CLI lists: the folder name, prefixed `<plugin>:` for plugin skills. */
  name: string;
  /** The name without plugin prefix. */
  skillName: string;
  source: 'user' | 'project' | 'plugin';
  /** For plugin skills: the plugin's name and root. */
  plugin?: { name: string; root: string };
  /** Absolute path of SKILL.md. */
  path: string;
  /** Absolute path of the skill folder. */
  directory: string;
  description?: string;
  frontmatter: SkillFrontmatter;
  /** False when `disable-model-invocation: true`. */
  modelInvocable: boolean;
  /** False when `user-invocable: false` (then it is not a slash command). */
  userInvocable: boolean;
  /** Validation problems (empty when `validate: false`). */
  diagnostics: SkillDiagnostic[];
}

/**
 * Find skills the way the CLI does for the given `settingSources` and `plugins`, without starting
 * it. Order: user skills, project skills (nearest folder first), then plugin skills; each folder's
 * skills by name. When two skills share a name the CLI keeps one of them; all are listed here.
 */
export async function discoverSkills(
  options: DiscoverSkillsOptions = {},
): Promise<DiscoveredSkill[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const home = resolve(options.homeDir ?? homedir());
  const sources = new Set(options.settingSources ?? []);
  const configDir = resolve(
    options.configDir ??
      (options.homeDir === undefined ? process.env.CLAUDE_CONFIG_DIR : undefined) ??
      join(home, '.claude'),
  );
  const validate = options.validate !== false;
  const out: DiscoveredSkill[] = [];

  const readFolder = async (root: string, source: 'user' | 'project') => {
    for (const name of await subdirectories(root)) {
      const directory = join(root, name);
      const file = await skillFileIn(directory);
      if (!file) continue;
      const skill = await load(directory, file, name, source, undefined, validate);
      if (skill) out.push(skill);
    }
  };
  if (sources.has('user')) await readFolder(join(configDir, 'skills'), 'user');
  if (sources.has('project'))
    for (const root of projectSkillRoots(cwd, home)) await readFolder(root, 'project');

  for (const plugin of options.plugins ?? []) {
    const root = resolve(cwd, typeof plugin === 'string' ? plugin : plugin.path);
    const manifest = await readManifest(root);
    const pluginName =
      typeof manifest?.name === 'string' && manifest.name !== '' ? manifest.name : basename(root);
    const declared = declaredSkillPaths(manifest?.skills);
    for (const folder of await pluginSkillFolders(root, declared)) {
      if (!folder.skillFile) continue;
      const skill = await load(
        folder.directory,
        folder.skillFile,
        basename(folder.directory),
        'plugin',
        { name: pluginName, root },
        validate,
        folder.kind === 'direct',
      );
      if (skill) out.push(skill);
    }
  }
  return out;
}

async function load(
  directory: string,
  file: string,
  folderName: string,
  source: DiscoveredSkill['source'],
  plugin: DiscoveredSkill['plugin'],
  validate: boolean,
  namedByFrontmatter = false,
): Promise<DiscoveredSkill | undefined> {
  const path = join(directory, file);
  const text = await readText(path);
  if (text === undefined) return undefined;
  const files = validate ? await readSkillFiles(directory) : undefined;
  const result = validateSkill(text, {
    file: path,
    mode: 'claude-code',
    ...(namedByFrontmatter ? {} : { directoryName: folderName }),
    ...(files !== undefined && { files }),
    lint: validate,
  });
  const frontmatter = result.document.frontmatter;
  const skillName = namedByFrontmatter && frontmatter.name ? frontmatter.name : folderName;
  return {
    name: plugin ? `${plugin.name}:${skillName}` : skillName,
    skillName,
    source,
    ...(plugin && { plugin }),
    path,
    directory,
    ...(frontmatter.description !== undefined && { description: frontmatter.description }),
    frontmatter,
    modelInvocable: frontmatter['disable-model-invocation'] !== true,
    userInvocable: frontmatter['user-invocable'] !== false,
    diagnostics: validate ? result.diagnostics : [],
  };
}

async function readManifest(root: string): Promise<Record<string, unknown> | undefined> {
  const text = await readText(join(root, '.claude-plugin', 'plugin.json'));
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function declaredSkillPaths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(
    (p): p is string =>
      typeof p === 'string' && (p === '.' || p.startsWith('./')) && !p.split('/').includes('..'),
  );
}
