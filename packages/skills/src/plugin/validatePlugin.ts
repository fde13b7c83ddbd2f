import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import { kindOf, markdownFiles, readText } from '../internal/fsUtil.js';
import { pluginSkillFolders } from '../internal/pluginSkillFolders.js';
import { readSkillFiles } from '../internal/readSkillFiles.js';
import {
  agentFileDiagnostics,
  commandFileDiagnostics,
  skillFileDiagnostics,
} from './componentFileDiagnostics.js';
import { validateHooksConfig } from './validateHooksConfig.js';
import { validateMarketplaceManifest } from './validateMarketplaceManifest.js';
import { validateMcpConfig } from './validateMcpConfig.js';
import { validatePluginManifest, type DeclaredPath } from './validatePluginManifest.js';

export interface ValidatePluginOptions {
  /** Count warnings as errors (as `claude plugin validate --strict`). Default false. */
  strict?: boolean;
  /**
   * Compatibility mode: report skill and agent files with the severities `claude plugin validate`
   * uses, so Agent Skills format violations Claude Code tolerates (an uppercase or mismatched
   * name, a missing description, no frontmatter) are warnings. Default false: they are errors.
   */
  lenient?: boolean;
}

export interface PluginValidationResult {
  /** No errors (with `strict`, no warnings either). */
  valid: boolean;
  /**
   * What was validated: a plugin folder, a marketplace (and its local plugins), or a project
   * folder without manifest whose `.claude/` skills, agents and commands were checked.
   */
  kind: 'plugin' | 'marketplace' | 'project';
  /** The plugin (or marketplace) root: the folder holding `.claude-plugin/`. */
  root: string;
  /** The plugin's name from plugin.json, when it is valid. */
  name?: string;
  diagnostics: PluginDiagnostic[];
}

/**
 * Validate a plugin folder or a marketplace the way Claude Code loads it: `path` is a plugin root, a
 * marketplace root, or a `plugin.json`/`marketplace.json` file. A folder with
 * `.claude-plugin/marketplace.json` is validated as a marketplace (and its plugin.json, if any, too).
 * As `claude plugin validate`, a folder without manifest is accepted when it holds a skills tree
 * (`skills/<name>/SKILL.md`) or a `.claude/` folder, whose skills, agents and commands are checked.
 */
export async function validatePlugin(
  path: string,
  options: ValidatePluginOptions = {},
): Promise<PluginValidationResult> {
  const target = resolve(path);
  const targetKind = await kindOf(target);
  let root = target;
  let kind: PluginValidationResult['kind'] = 'plugin';
  if (targetKind === 'file') {
    root =
      basename(dirname(target)) === '.claude-plugin' ? dirname(dirname(target)) : dirname(target);
    if (basename(target) === 'marketplace.json') kind = 'marketplace';
  } else if ((await kindOf(join(root, '.claude-plugin', 'marketplace.json'))) === 'file')
    kind = 'marketplace';

  const diagnostics: PluginDiagnostic[] = [];
  const lenient = options.lenient ?? false;
  let name: string | undefined;
  if (targetKind === 'missing') {
    diagnostics.push({
      code: 'MANIFEST_MISSING',
      severity: 'error',
      file: '',
      pointer: '',
      message: `Nothing at ${target}.`,
    });
  } else if (kind === 'marketplace') {
    const file = targetKind === 'file' ? target : join(root, '.claude-plugin', 'marketplace.json');
    diagnostics.push(...(await checkMarketplace(root, file)));
    if (
      targetKind === 'directory' &&
      (await kindOf(join(root, '.claude-plugin', 'plugin.json'))) === 'file'
    ) {
      const plugin = await checkPlugin(root, join(root, '.claude-plugin', 'plugin.json'), lenient);
      diagnostics.push(...plugin.diagnostics);
      name = plugin.name;
    }
  } else {
    const file = targetKind === 'file' ? target : join(root, '.claude-plugin', 'plugin.json');
    if ((await kindOf(file)) === 'file') {
      const plugin = await checkPlugin(root, file, lenient);
      diagnostics.push(...plugin.diagnostics);
      name = plugin.name;
    } else {
      // Like the CLI: a folder with a skills tree loads without a manifest (named after the folder),
      // and a project's .claude folder is checked as the session would load it.
      const skillsTree = (await pluginSkillFolders(root, [])).some(
        (f) => f.skillFile !== undefined,
      );
      const claudeDir = basename(root) === '.claude' ? root : join(root, '.claude');
      const project = (await kindOf(claudeDir)) === 'directory';
      if (skillsTree) {
        diagnostics.push({
          code: 'MANIFEST_MISSING',
          severity: 'warning',
          file: '.claude-plugin/plugin.json',
          pointer: '',
          message: `No .claude-plugin/plugin.json: Claude Code loads this skills tree as a plugin named "${basename(root)}". Add a manifest to name and describe it.`,
        });
        diagnostics.push(...(await checkPlugin(root, undefined, lenient)).diagnostics);
      }
      if (project) {
        if (!skillsTree) kind = 'project';
        diagnostics.push(...(await checkPlugin(root, undefined, lenient, claudeDir)).diagnostics);
      }
      if (!skillsTree && !project)
        diagnostics.push({
          code: 'MANIFEST_MISSING',
          severity: 'error',
          file: '.claude-plugin/plugin.json',
          pointer: '',
          message: `No manifest in ${root}: add .claude-plugin/plugin.json ({ "name": "my-plugin" }) or .claude-plugin/marketplace.json.`,
        });
    }
  }
  const failing = diagnostics.some(
    (d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'),
  );
  return { valid: !failing, kind, root, ...(name !== undefined && { name }), diagnostics };
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

async function readJson(
  root: string,
  path: string,
  out: PluginDiagnostic[],
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await readText(path);
  if (text === undefined) {
    out.push({
      code: 'PATH_NOT_FOUND',
      severity: 'error',
      file: rel(root, path),
      pointer: '',
      message: `Cannot read ${rel(root, path)}.`,
    });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    out.push({
      code: 'JSON_SYNTAX',
      severity: 'error',
      file: rel(root, path),
      pointer: '',
      message: `${rel(root, path)} is not valid JSON: ${(error as Error).message}.`,
    });
    return { ok: false };
  }
}

/**
 * A plugin's manifest (if any) and components. `base` holds the components: the plugin root, or a
 * project's `.claude` folder (then paths in diagnostics stay relative to `root`).
 */
async function checkPlugin(
  root: string,
  manifestFile: string | undefined,
  lenient: boolean,
  base = root,
): Promise<{ diagnostics: PluginDiagnostic[]; name?: string }> {
  const out: PluginDiagnostic[] = [];
  const file = manifestFile === undefined ? '' : rel(root, manifestFile);
  const json =
    manifestFile === undefined ? { ok: false as const } : await readJson(root, manifestFile, out);
  let declared: DeclaredPath[] = [];
  let name: string | undefined;
  if (json.ok) {
    const check = validatePluginManifest(json.value, file);
    out.push(...check.diagnostics);
    declared = check.paths;
    name = check.name;
  }

  // declared paths exist, and the JSON files they name are checked
  const hooksFiles = new Set<string>();
  const mcpFiles = new Set<string>();
  const agentFiles = new Set<string>();
  const commandPaths: string[] = [];
  const skillPaths: string[] = [];
  for (const p of declared) {
    const full = resolve(root, p.path);
    const kind = await kindOf(full);
    if (kind === 'missing') {
      out.push({
        code: 'PATH_NOT_FOUND',
        severity: 'error',
        file,
        pointer: p.pointer,
        message: `"${p.field}" path "${p.path}" does not exist in the plugin: Claude Code reports a load failure. Create it or fix the path.`,
      });
      continue;
    }
    if (p.field === 'hooks') hooksFiles.add(full);
    else if (p.field === 'mcpServers' && full.endsWith('.json')) mcpFiles.add(full);
    else if (p.field === 'agents') agentFiles.add(full);
    else if (p.field === 'commands') commandPaths.push(full);
    else if (p.field === 'skills') skillPaths.push(full);
  }

  // default locations
  if (base === root) {
    const defaultHooks = join(root, 'hooks', 'hooks.json');
    if ((await kindOf(defaultHooks)) === 'file') hooksFiles.add(defaultHooks);
    const defaultMcp = join(root, '.mcp.json');
    if ((await kindOf(defaultMcp)) === 'file') mcpFiles.add(defaultMcp);
  }
  for (const f of await markdownFiles(join(base, 'agents')))
    agentFiles.add(join(base, 'agents', f));
  const commandFiles = new Set<string>();
  for (const dir of [join(base, 'commands'), ...commandPaths]) {
    if ((await kindOf(dir)) === 'file') {
      if (dir.toLowerCase().endsWith('.md')) commandFiles.add(dir);
    } else for (const f of await markdownFiles(dir)) commandFiles.add(join(dir, f));
  }

  for (const f of hooksFiles) {
    const value = await readJson(root, f, out);
    if (value.ok)
      out.push(...validateHooksConfig(value.value, { form: 'file', file: rel(root, f) }));
  }
  for (const f of mcpFiles) {
    const value = await readJson(root, f, out);
    if (value.ok) out.push(...validateMcpConfig(value.value, { form: 'file', file: rel(root, f) }));
  }
  for (const f of agentFiles) {
    const text = await readText(f);
    if (text !== undefined) out.push(...agentFileDiagnostics(text, rel(root, f), lenient));
  }
  for (const f of commandFiles) {
    const text = await readText(f);
    if (text !== undefined) out.push(...commandFileDiagnostics(text, rel(root, f)));
  }
  for (const folder of await pluginSkillFolders(
    base,
    skillPaths.map((p) => rel(base, p) || '.'),
  )) {
    if (folder.skillFile === undefined) {
      out.push({
        code: 'SKILL_FILE_MISSING',
        severity: 'warning',
        file: rel(root, folder.directory),
        pointer: '',
        message: `${rel(root, folder.directory)}/ has no SKILL.md, so Claude Code loads nothing from it. Add one or move the folder out of skills/.`,
      });
      continue;
    }
    const path = join(folder.directory, folder.skillFile);
    const text = await readText(path);
    if (text === undefined) continue;
    const files = await readSkillFiles(folder.directory);
    out.push(
      ...skillFileDiagnostics(
        text,
        rel(root, path),
        folder.kind === 'child' ? basename(folder.directory) : undefined,
        files,
        lenient,
      ),
    );
  }
  return { diagnostics: out, ...(name !== undefined && { name }) };
}

async function checkMarketplace(root: string, manifestFile: string): Promise<PluginDiagnostic[]> {
  const out: PluginDiagnostic[] = [];
  const json = await readJson(root, manifestFile, out);
  if (!json.ok) return out;
  const file = rel(root, manifestFile);
  const check = validateMarketplaceManifest(json.value, file);
  out.push(...check.diagnostics);
  // A local plugin's own manifest must load too (Claude Code checks it at install time).
  for (const source of check.localSources) {
    const pluginRoot = resolve(root, source.path);
    const manifest = join(pluginRoot, '.claude-plugin', 'plugin.json');
    if ((await kindOf(manifest)) !== 'file') continue;
    const nested: PluginDiagnostic[] = [];
    const value = await readJson(root, manifest, nested);
    if (value.ok)
      for (const d of validatePluginManifest(value.value, rel(root, manifest)).diagnostics)
        if (d.severity === 'error') nested.push(d);
    out.push(...nested);
  }
  return out;
}
