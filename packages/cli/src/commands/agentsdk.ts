import { CliError } from '../errors/CliError.js';
import { type Io } from '../util/io.js';
import { handleError } from './handleError.js';

export const AGENTSDK_HELP = `Usage: agentsdk <command> [options]

Commands:
  new <tool|skill|plugin|agent> <name>   add a tool, skill, plugin or agent to this project
  validate [path] [--json]               check skills, plugins and marketplaces (exit 1 on errors)
  record -o <file.jsonl> -- <prompt>     run a session with recording on
  replay <file.jsonl> [--tools <module>] print a recorded session; re-run its tool calls
  serve <module> [--http <port>]         serve a module's tools, resources, prompts (stdio/HTTP;
                                         --host <address> to listen beyond 127.0.0.1)
  doctor [--smoke]                       check Node.js and the Claude Code CLI
  view <file> | --diff <a> <b> | --live  show a session as a timeline in the browser

Run \`agentsdk <command> --help\` for a command's options. New project: \`npm create agent-tool\`.
Output: data on stdout, logs on stderr; NO_COLOR turns colour off.
`;

type Command = (args: string[], io: Io) => Promise<number>;

// Loaded on use, so `agentsdk validate` does not pay for the MCP SDK and the model server.
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: async () => (await import('./new.js')).runNew,
  validate: async () => (await import('./validate.js')).runValidate,
  record: async () => (await import('./record.js')).runRecord,
  replay: async () => (await import('./replay.js')).runReplay,
  serve: async () => (await import('./serve.js')).runServe,
  doctor: async () => (await import('./doctor.js')).runDoctor,
  view: async () => (await import('./view.js')).runView,
};

/** `agentsdk <command> …`: returns the exit code, never throws. */
export async function runAgentsdk(args: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(AGENTSDK_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      const { createRequire } = await import('node:module');
      io.stdout.write(
        `${(createRequire(import.meta.url)('../../package.json') as { version: string }).version}\n`,
      );
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      throw new CliError(
        'USAGE',
        `Unknown command "${command}": use one of ${Object.keys(COMMANDS).join(', ')} (agentsdk --help).`,
      );
    }
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    return handleError(error, io);
  }
}
