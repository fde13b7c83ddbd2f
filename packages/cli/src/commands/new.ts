import { CliError } from '../errors/CliError.js';
import { addToProject } from '../scaffold/addToProject.js';
import { isTemplateName, TEMPLATES } from '../scaffold/templates.js';
import { line, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';

export const NEW_HELP = `Usage: agentsdk new <${TEMPLATES.join('|')}> <name> [--description <text>] [--overwrite] [--json]

Add one piece to the project in the current folder:
  tool    src/<name>.ts, a typed Zod tool named <name> (letters, digits, _ and -), registered
          in the createSdkMcpServer() of src/index.ts when there is one
  skill   skills/<name>/SKILL.md in a plugin or a skills folder, else .claude/skills/<name>/SKILL.md
  plugin  plugins/<name>/ (plugin.json, a skill, a command, an agent)
  agent   agents/<name>.md in a plugin, else .claude/agents/<name>.md

For a new project, use \`npm create agent-tool\` (create-agent-tool).

Options:
  -d, --description <text>  one-line description
      --overwrite           replace existing files
      --json                print {"template","name","files":[…]} on stdout
  -h, --help                show this help

Exit codes: 0 added, 1 the files exist, 2 bad usage (unknown template, invalid name).
`;

export async function runNew(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk new', args, {
    description: { type: 'string', short: 'd' },
    overwrite: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(NEW_HELP);
    return 0;
  }
  const [template, name, ...rest] = positionals;
  if (template === undefined)
    throw new CliError(
      'USAGE',
      `agentsdk new: which template? Use one of ${TEMPLATES.join(', ')}.`,
    );
  if (!isTemplateName(template)) {
    throw new CliError(
      'UNKNOWN_TEMPLATE',
      `Unknown template "${template}": use one of ${TEMPLATES.join(', ')}.`,
    );
  }
  if (name === undefined || rest.length > 0)
    throw new CliError(
      'USAGE',
      `agentsdk new ${template}: give one name, e.g. \`agentsdk new ${template} my-${template}\`.`,
    );
  const files = await addToProject({
    template,
    name,
    cwd: io.cwd,
    overwrite: values.overwrite ?? false,
    ...(values.description !== undefined && { description: values.description }),
  });
  if (values.json) line(io.stdout, JSON.stringify({ template, name, files }, null, 2));
  else for (const file of files) line(io.stdout, file);
  line(
    io.stderr,
    `Added ${template} ${name}.${
      template !== 'tool'
        ? ' Check it with `agentsdk validate`.'
        : files.length > 1
          ? ` Registered in ${files[1]}.`
          : ' Add it to the tools of your createSdkMcpServer().'
    }`,
  );
  return 0;
}
