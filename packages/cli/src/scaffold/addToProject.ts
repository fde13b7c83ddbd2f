import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../errors/CliError.js';
import { copyTemplate } from './copyTemplate.js';
import { DEFAULT_DESCRIPTIONS } from './scaffold.js';
import { isTemplateName, TEMPLATES, templateDirectory, type TemplateName } from './templates.js';
import { registerTool } from './registerTool.js';
import { kebabNameProblems, toolNameProblems } from './validateName.js';

export interface AddToProjectOptions {
  template: TemplateName;
  name: string;
  description?: string;
  /** The project folder. Default `process.cwd()`. */
  cwd?: string;
  overwrite?: boolean;
}

/**
 * Add one tool, skill, plugin or agent to an existing project (`agentsdk new`): a tool file in
 * `src/`, a skill in `skills/` (plugin) or `.claude/skills/`, a plugin in `plugins/`, an agent in
 * `agents/` (plugin) or `.claude/agents/`. Returns the files written, relative to `cwd`.
 */
export async function addToProject(options: AddToProjectOptions): Promise<string[]> {
  const { template, name } = options;
  if (!isTemplateName(template)) {
    throw new CliError(
      'UNKNOWN_TEMPLATE',
      `Unknown template "${String(template)}": use one of ${TEMPLATES.join(', ')}.`,
    );
  }
  const problems = template === 'tool' ? toolNameProblems(name) : kebabNameProblems(name);
  if (problems.length > 0)
    throw new CliError(
      'INVALID_NAME',
      `Invalid ${template} name "${name}": ${problems.join('; ')}.`,
    );
  const cwd = resolve(options.cwd ?? process.cwd());
  const description =
    options.description ??
    (template === 'tool'
      ? `Describe what ${name} does and when to use it.`
      : DEFAULT_DESCRIPTIONS[template](name));
  const isPlugin = existsSync(join(cwd, '.claude-plugin', 'plugin.json'));
  const subs = {
    __NAME__: name,
    __SERVER_NAME__: name,
    __PACKAGE_NAME__: name,
    __DESCRIPTION_JSON__: JSON.stringify(description),
    __DESCRIPTION__: description,
    __PM_RUN__: 'npm run',
  };
  const refuse = (path: string): void => {
    if (existsSync(path) && !options.overwrite) {
      throw new CliError(
        'TARGET_NOT_EMPTY',
        `${relative(cwd, path)} already exists. Pick another name, or pass --overwrite.`,
      );
    }
  };
  switch (template) {
    case 'tool': {
      // One spelling: the file, the tool the model sees and (when it is an identifier) the export.
      const file = join(cwd, 'src', `${name}.ts`);
      refuse(file);
      const identifier = toIdentifier(name);
      const source = (await readFile(join(templateDirectory('tool'), 'src', 'greet.ts'), 'utf8'))
        .replace('export const greet', `export const ${identifier}`)
        .replace("'greet'", `'${name}'`)
        .replace(/'Greet someone[^']*'/, JSON.stringify(description).replace(/^"|"$/g, "'"));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, source);
      const registered = await registerTool(join(cwd, 'src', 'index.ts'), identifier, name);
      return registered ? [relative(cwd, file), relative(cwd, registered)] : [relative(cwd, file)];
    }
    case 'skill': {
      const base =
        isPlugin || existsSync(join(cwd, 'skills'))
          ? join(cwd, 'skills')
          : join(cwd, '.claude', 'skills');
      refuse(join(base, name));
      const files = await copyTemplate(join(templateDirectory('skill'), 'skills'), base, subs);
      return files.map((f) => relative(cwd, join(base, f)));
    }
    case 'plugin': {
      const target = join(cwd, 'plugins', name);
      refuse(target);
      const files = await copyTemplate(templateDirectory('plugin'), target, subs);
      return files.map((f) => relative(cwd, join(target, f)));
    }
    case 'agent': {
      const base = isPlugin ? join(cwd, 'agents') : join(cwd, '.claude', 'agents');
      refuse(join(base, `${name}.md`));
      const files = await copyTemplate(
        join(templateDirectory('agent'), '.claude', 'agents'),
        base,
        subs,
      );
      return files.map((f) => relative(cwd, join(base, f)));
    }
  }
}

/** The export name: the tool name itself when it is an identifier, else camelCase (`get-x` → `getX`). */
function toIdentifier(name: string): string {
  return name
    .replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^[0-9]/, '_$&');
}
