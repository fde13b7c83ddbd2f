import { CliError } from '../errors/CliError.js';
import {
  detectPackageManager,
  isPackageManager,
  PACKAGE_MANAGERS,
  type PackageManager,
} from '../scaffold/packageManager.js';
import { promptOptions } from '../scaffold/promptOptions.js';
import { scaffold, type ScaffoldOptions, type ScaffoldResult } from '../scaffold/scaffold.js';
import { isTemplateName, TEMPLATE_DESCRIPTIONS, TEMPLATES } from '../scaffold/templates.js';
import { baseName } from '../scaffold/validateName.js';
import { line, painter, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';

export const CREATE_HELP = `Usage: create-agent-tool [directory] [options]

Scaffold a Claude agent tool, skill, plugin or agent. Asks for what is missing when run in a
terminal; with --yes or without a terminal it uses the flags and defaults, and never prompts.

Options:
  -t, --template <name>    ${TEMPLATES.join(' | ')} (default: tool)
${TEMPLATES.map((t) => `                             ${t}: ${TEMPLATE_DESCRIPTIONS[t]}`).join('\n')}
  -n, --name <name>        package name (tool) or skill/plugin/agent name (default: the directory)
  -d, --description <text> one-line description
  -y, --yes                accept defaults, never prompt
      --no-install         do not install dependencies
      --no-git             do not run git init
      --pm <name>          ${PACKAGE_MANAGERS.join(' | ')} (default: the one running this, else npm)
      --overwrite          empty a non-empty directory first
  -h, --help               show this help

Examples:
  npm create agent-tool@latest my-tool
  npx create-agent-tool my-skill --template skill --yes

Exit codes: 0 created, 1 failed (e.g. directory not empty), 2 bad usage, 130 cancelled.
`;

export const CREATE_FLAGS = {
  template: { type: 'string', short: 't' },
  name: { type: 'string', short: 'n' },
  description: { type: 'string', short: 'd' },
  yes: { type: 'boolean', short: 'y' },
  'no-install': { type: 'boolean' },
  'no-git': { type: 'boolean' },
  pm: { type: 'string' },
  overwrite: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `create-agent-tool [dir] [flags]` (also `agentsdk new <template> [dir]`). Returns the exit code. */
export async function runCreate(
  args: string[],
  io: Io,
  command = 'create-agent-tool',
  presetTemplate?: string,
): Promise<number> {
  const { values, positionals } = parseFlags(command, args, CREATE_FLAGS);
  if (values.help) {
    io.stdout.write(
      CREATE_HELP.replaceAll('create-agent-tool [directory]', `${command} [directory]`),
    );
    return 0;
  }
  if (positionals.length > 1) {
    throw new CliError(
      'USAGE',
      `${command}: expected at most one directory, got ${positionals.join(' ')}.`,
    );
  }
  const template = values.template ?? presetTemplate;
  if (template !== undefined && !isTemplateName(template)) {
    throw new CliError(
      'UNKNOWN_TEMPLATE',
      `Unknown template "${template}": use one of ${TEMPLATES.join(', ')}.`,
    );
  }
  let packageManager: PackageManager | undefined;
  if (values.pm !== undefined) {
    if (!isPackageManager(values.pm)) {
      throw new CliError(
        'USAGE',
        `Unknown package manager "${values.pm}": use one of ${PACKAGE_MANAGERS.join(', ')}.`,
      );
    }
    packageManager = values.pm;
  }
  // `create-agent-tool @me/my-tool` names the package and creates ./my-tool.
  const scoped = positionals[0]?.startsWith('@') === true && values.name === undefined;
  const name0 = scoped ? positionals[0] : values.name;
  const directory = scoped && positionals[0] ? baseName(positionals[0]) : positionals[0];
  const interactive = !values.yes && io.stdin.isTTY === true;
  const log = (text: string): void => void io.stderr.write(text);
  let options: ScaffoldOptions;
  if (interactive) {
    options = await promptOptions(
      {
        cwd: io.cwd,
        ...(template !== undefined && { template }),
        ...(name0 !== undefined && { name: name0 }),
        ...(directory !== undefined && { directory }),
        ...(values.description !== undefined && { description: values.description }),
        ...(values['no-install'] && { install: false }),
        ...(values.overwrite && { overwrite: true }),
      },
      { input: io.stdin as NodeJS.ReadStream, output: io.stderr as NodeJS.WriteStream },
    );
  } else {
    const name =
      name0 ?? (directory !== undefined ? baseName(directory.replace(/[\\/]+$/, '')) : undefined);
    if (name === undefined) {
      throw new CliError(
        'USAGE',
        `${command}: no name. Pass a directory or --name (e.g. \`${command} my-tool --yes\`); prompts need a terminal.`,
      );
    }
    options = {
      template: template ?? 'tool',
      name,
      cwd: io.cwd,
      install: !values['no-install'],
      overwrite: values.overwrite ?? false,
      ...(directory !== undefined && { directory }),
      ...(values.description !== undefined && { description: values.description }),
    };
  }
  const result = await scaffold({
    ...options,
    git: !values['no-git'],
    packageManager: packageManager ?? detectPackageManager(io.env),
    log,
  });
  printResult(result, io);
  return 0;
}

function printResult(result: ScaffoldResult, io: Io): void {
  const paint = painter(io.stdout, io.env);
  line(
    io.stdout,
    `${paint('green', '✔')} Created ${result.template} ${paint('bold', result.name)} in ${result.directory}`,
  );
  line(io.stdout);
  line(io.stdout, 'Next steps:');
  for (const step of result.nextSteps) line(io.stdout, `  ${step}`);
}
