import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { renderAgentFile } from '../agents/renderAgentFile.js';
import { SkillsError } from '../errors/SkillsError.js';
import { renderSkill } from '../skill/renderSkill.js';
import type { PluginAuthor, PluginManifest } from './PluginManifest.js';
import { KEBAB_CASE } from './validatePluginManifest.js';

export interface CreatePluginOptions {
  /** The plugin's root folder (created if missing). */
  directory: string;
  /** Kebab-case: it prefixes the plugin's skills and commands (`/my-plugin:hello`). */
  name: string;
  description?: string;
  /** Default `0.1.0`. */
  version?: string;
  author?: PluginAuthor;
  /** An SPDX id. */
  license?: string;
  /** Write an example skill, command and agent. Default true. */
  examples?: boolean;
  /** Write into a non-empty folder, replacing files of the same names. Default false. */
  force?: boolean;
}

export interface CreatedPlugin {
  root: string;
  manifest: PluginManifest;
  /** Files written, relative to `root`, with `/` separators. */
  files: string[];
}

/**
 * Scaffold a Claude Code plugin: `.claude-plugin/plugin.json`, `skills/`, `commands/`, `agents/`,
 * `hooks/hooks.json`, `.mcp.json` and a README. The result passes `validatePlugin` and
 * `claude plugin validate`. Throws `SkillsError` (`INVALID_ARGUMENT`, `TARGET_EXISTS`).
 */
export async function createPlugin(options: CreatePluginOptions): Promise<CreatedPlugin> {
  const { name } = options;
  if (!KEBAB_CASE.test(name))
    throw new SkillsError(
      'INVALID_ARGUMENT',
      `Plugin name "${name}" must be kebab-case: lowercase letters, digits and hyphens ("my-plugin").`,
    );
  const root = resolve(options.directory);
  const existing = await readdir(root).catch(() => [] as string[]);
  if (existing.length > 0 && options.force !== true)
    throw new SkillsError(
      'TARGET_EXISTS',
      `${root} exists and is not empty: choose an empty folder or pass \`force: true\`.`,
    );

  const description = options.description ?? `The ${name} plugin for Claude Code.`;
  const manifest: PluginManifest = {
    name,
    version: options.version ?? '0.1.0',
    description,
    ...(options.author !== undefined && { author: options.author }),
    ...(options.license !== undefined && { license: options.license }),
  };
  const files = new Map<string, string>();
  files.set('.claude-plugin/plugin.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set(
    'hooks/hooks.json',
    `${JSON.stringify({ description: `Hooks of ${name}.`, hooks: {} }, null, 2)}\n`,
  );
  files.set('.mcp.json', `${JSON.stringify({ mcpServers: {} }, null, 2)}\n`);
  if (options.examples === false) {
    for (const dir of ['skills', 'commands', 'agents']) files.set(`${dir}/.gitkeep`, '');
  } else {
    files.set(
      'skills/hello/SKILL.md',
      renderSkill(
        {
          name: 'hello',
          description:
            'Greets the user by name. Use when the user says hello or asks to be greeted.',
        },
        '# Hello\n\nGreet the user warmly by name, in one sentence. If you do not know their name, ask for it.',
      ),
    );
    files.set(
      'commands/hello.md',
      '---\ndescription: Say hello to someone\nargument-hint: <name>\n---\n\nSay hello to $ARGUMENTS in one friendly sentence.\n',
    );
    files.set(
      'agents/reviewer.md',
      renderAgentFile('reviewer', {
        description:
          'Reviews code changes for bugs and unclear naming. Use after writing or editing code.',
        prompt:
          'You are a careful code reviewer. Read the changed files, then list concrete problems with file and line, most important first.',
        tools: ['Read', 'Grep', 'Glob'],
      }),
    );
  }
  files.set('README.md', readme(name, description));

  for (const [path, content] of files) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return { root, manifest, files: [...files.keys()] };
}

function readme(name: string, description: string): string {
  return `# ${name}

${description}

## Layout

- \`.claude-plugin/plugin.json\`: the manifest (only \`name\` is required).
- \`skills/<skill>/SKILL.md\`: skills, invoked as \`/${name}:<skill>\` or by Claude when relevant.
- \`commands/*.md\`: slash commands (\`/${name}:<command>\`).
- \`agents/*.md\`: subagents Claude can delegate to.
- \`hooks/hooks.json\`: hooks on Claude Code events.
- \`.mcp.json\`: MCP servers the plugin starts.

## Try it

\`\`\`sh
claude plugin validate .
claude --plugin-dir .
\`\`\`
`;
}
