import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError } from '../errors/CliError.js';
import { copyTemplate } from './copyTemplate.js';
import { nextSteps } from './nextSteps.js';
import { authorName } from './authorName.js';
import {
  detectPackageManager,
  execPrefix,
  runPrefix,
  type PackageManager,
} from './packageManager.js';
import { runProcess } from './runProcess.js';
import { isTemplateName, TEMPLATES, templateDirectory, type TemplateName } from './templates.js';
import { baseName, kebabNameProblems, npmNameProblems } from './validateName.js';

export interface ScaffoldOptions {
  template: TemplateName;
  /** The package name (tool) or skill / plugin / agent name. */
  name: string;
  /** Where to create it, relative to `cwd`. Default: the name without its scope. */
  directory?: string;
  description?: string;
  /** Default: detected from `npm_config_user_agent`, else npm. */
  packageManager?: PackageManager;
  /** Run `<pm> install` (it brings `agentsdk` and, for a tool, its build and tests). Default true. */
  install?: boolean;
  /** `git init` when not already inside a repository. Default true. */
  git?: boolean;
  /** Empty a non-empty target first. Default false: a non-empty target is refused. */
  overwrite?: boolean;
  cwd?: string;
  /** Replace dependency specs of the generated package.json (e.g. `file:` tarballs in tests). */
  dependencies?: Record<string, string>;
  /** Progress lines (install output…). Default: nothing. */
  log?: (text: string) => void;
}

export interface ScaffoldResult {
  template: TemplateName;
  name: string;
  directory: string;
  /** Files written, relative to `directory`, sorted. */
  files: string[];
  packageManager: PackageManager;
  installed: boolean;
  git: boolean;
  /** The commands to run next, in order. */
  nextSteps: string[];
}

export const DEFAULT_DESCRIPTIONS: Record<TemplateName, (name: string) => string> = {
  tool: () => 'An MCP tool for Claude agents.',
  skill: (name) =>
    `Guides Claude through ${name.replace(/-/g, ' ')} tasks, step by step. Use when the user asks for ${name.replace(/-/g, ' ')}.`,
  plugin: (name) => `The ${name} plugin for Claude Code.`,
  agent: (name) =>
    `A focused ${name} subagent. Use when a task needs ${name} work done in isolation.`,
};

/** Create a project from a template: check the name and target, copy, then install and git init. */
export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const { template, name } = options;
  if (!isTemplateName(template)) {
    throw new CliError(
      'UNKNOWN_TEMPLATE',
      `Unknown template "${String(template)}": use one of ${TEMPLATES.join(', ')}.`,
    );
  }
  const short = baseName(name);
  const problems = template === 'tool' ? npmNameProblems(name) : kebabNameProblems(name);
  if (problems.length > 0) {
    throw new CliError(
      'INVALID_NAME',
      `Invalid ${template === 'tool' ? 'package' : template} name "${name}": ${problems.join('; ')}.`,
    );
  }
  const description = options.description ?? DEFAULT_DESCRIPTIONS[template](short);
  if (/[\r\n]/.test(description)) {
    throw new CliError('USAGE', 'The description must be a single line.');
  }
  const cwd = options.cwd ?? process.cwd();
  const directory = resolve(cwd, options.directory ?? short);
  await prepareTarget(directory, options.overwrite ?? false);

  const packageManager = options.packageManager ?? detectPackageManager();
  const serverName = short.replace(/[^a-zA-Z0-9_-]/g, '_');
  const files = await copyTemplate(templateDirectory(template), directory, {
    __PACKAGE_NAME__: name,
    __NAME__: short,
    __SERVER_NAME__: serverName,
    __DESCRIPTION_JSON__: JSON.stringify(description),
    __DESCRIPTION__: description,
    __PM_RUN__: runPrefix(packageManager),
    __PM_EXEC__: execPrefix(packageManager),
    __PM__: packageManager,
    __AUTHOR__: await authorName(cwd),
  });
  if (options.dependencies)
    await pinDependencies(join(directory, 'package.json'), options.dependencies);

  const log = options.log ?? (() => undefined);
  let installed = false;
  if ((options.install ?? true) && files.includes('package.json')) {
    log(`Installing dependencies with ${packageManager}…\n`);
    const result = await runProcess(packageManager, ['install'], { cwd: directory, onOutput: log });
    if (result.code !== 0) {
      throw new CliError(
        'COMMAND_FAILED',
        `\`${packageManager} install\` failed in ${directory} (exit ${String(result.code)}). The project is there: fix the problem and run it again.`,
      );
    }
    installed = true;
  }
  const git = (options.git ?? true) && (await gitInit(directory));
  return {
    template,
    name,
    directory,
    files,
    packageManager,
    installed,
    git,
    nextSteps: nextSteps({ template, directory, cwd, packageManager, installed, serverName }),
  };
}

/** Refuse a non-empty target unless `overwrite`, which empties it (keeping `.git`). */
async function prepareTarget(directory: string, overwrite: boolean): Promise<void> {
  if (!existsSync(directory)) {
    await mkdir(directory, { recursive: true });
    return;
  }
  let entries: string[];
  try {
    entries = (await readdir(directory)).filter((entry) => entry !== '.git');
  } catch (error) {
    throw new CliError('TARGET_NOT_EMPTY', `${directory} exists and is not a folder.`, {
      cause: error,
    });
  }
  if (entries.length === 0) return;
  if (!overwrite) {
    throw new CliError(
      'TARGET_NOT_EMPTY',
      `${directory} is not empty (${entries.length} entries). Choose another name or directory, or pass --overwrite to empty it first.`,
    );
  }
  for (const entry of entries) await rm(join(directory, entry), { recursive: true, force: true });
}

async function pinDependencies(file: string, specs: Record<string, string>): Promise<void> {
  if (!existsSync(file)) return;
  const pkg = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = pkg[field] as Record<string, string> | undefined;
    if (!deps) continue;
    for (const [dep, spec] of Object.entries(specs)) if (dep in deps) deps[dep] = spec;
  }
  await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

async function gitInit(directory: string): Promise<boolean> {
  const inside = await runProcess('git', ['rev-parse', '--is-inside-work-tree'], {
    cwd: directory,
  });
  if (inside.code === 0 || inside.code === null) return false; // already a repo, or no git
  const init = await runProcess('git', ['init', '-q'], { cwd: directory });
  return init.code === 0;
}
