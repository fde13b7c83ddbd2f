import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { query, type ClaudeAgentOptions } from '@agentsdk/core';
import {
  loadModelScript,
  offlineEnvironment,
  recordingTransport,
  type OfflineEnvironment,
} from '@agentsdk/testing';
import { CliError } from '../errors/CliError.js';
import { line, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';
import { RecordProgress } from './recordProgress.js';
import { loadToolsModule } from './loadToolsModule.js';

export const RECORD_HELP = `Usage: agentsdk record -o <file.jsonl> [options] -- <prompt…>

Run one session through the SDK with recording on, and write it as a fixture for replay tests.
Progress goes to stderr as it runs (turns, tool calls, API retries with their status); the final
result text goes to stdout. Needs ANTHROPIC_API_KEY or a logged-in Claude Code, unless
--model-script answers from a scripted model (offline, no key, no network).

Options:
  -o, --output <file>        the fixture to write (required)
      --tools <module>       a built module whose exported tools the session can use
      --allowed-tools <list> comma-separated tools to allow (default: the module's tools)
      --model-script <file>  answer from a scripted model server (offline; see @agentsdk/testing)
      --keep-failed          write the fixture even when the session fails (default: only on success)
      --cli <path>           the Claude Code CLI (default: discovered)
  -h, --help                 show this help

Exit codes: 0 recorded, 1 the session or recording failed (no fixture written), 2 bad usage.
`;

export async function runRecord(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk record', args, {
    output: { type: 'string', short: 'o' },
    tools: { type: 'string' },
    'allowed-tools': { type: 'string' },
    'model-script': { type: 'string' },
    'keep-failed': { type: 'boolean' },
    cli: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(RECORD_HELP);
    return 0;
  }
  if (!values.output) throw new CliError('USAGE', 'agentsdk record: -o <file.jsonl> is required.');
  const prompt = positionals.join(' ').trim();
  if (prompt === '') throw new CliError('USAGE', 'agentsdk record: give the prompt after `--`.');
  const output = resolve(io.cwd, values.output);
  const tools = values.tools ? await loadToolsModule(values.tools, io.cwd) : undefined;
  const allowedTools = values['allowed-tools']
    ? values['allowed-tools']
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Object.entries(tools?.mcpServers ?? {}).flatMap(([key, server]) =>
        ((server as { tools?: { name: string }[] }).tools ?? []).map(
          (t) => `mcp__${key}__${t.name}`,
        ),
      );

  const options: ClaudeAgentOptions = {
    cwd: io.cwd,
    ...(values.cli !== undefined && { cliPath: resolve(io.cwd, values.cli) }),
    ...(tools && { mcpServers: tools.mcpServers }),
    ...(allowedTools.length > 0 && { allowedTools }),
  };
  let offline: OfflineEnvironment | undefined;
  if (values['model-script']) {
    const script = await loadModelScript(resolve(io.cwd, values['model-script'])).catch(
      (error: unknown) => {
        throw new CliError('FILE_NOT_FOUND', (error as Error).message, { cause: error });
      },
    );
    offline = await offlineEnvironment({ script });
    options.env = offline.env;
  } else {
    const missing = missingCredentials(io.env);
    if (missing) throw new CliError('NO_CREDENTIALS', missing);
  }
  const abort = new AbortController();
  options.abortSignal = abort.signal;
  try {
    const lines: string[] = [];
    const transport = recordingTransport({
      onLine: (text) => lines.push(text),
      options,
      redact: {
        home: true,
        values: { [io.cwd]: 'cwd', ...(offline && { [offline.root]: 'workdir' }) },
      },
      meta: { prompt },
    });
    const progress = new RecordProgress(io);
    let resultText: string | undefined;
    let failure: string | undefined;
    try {
      for await (const message of query({ prompt, options, transport })) {
        const fatal = progress.show(message as unknown as Record<string, unknown>);
        if (fatal) {
          failure = fatal;
          abort.abort();
          break;
        }
        if (message.type === 'result') {
          resultText = 'result' in message ? message.result : undefined;
          if (message.is_error) failure = `The session ended with ${message.subtype}.`;
          else if (resultText !== undefined && NOT_LOGGED_IN.test(resultText))
            failure = `The CLI answered "${resultText}".`;
        }
      }
    } catch (error) {
      if (failure === undefined) throw error;
    }
    await transport.recorded().catch((error: unknown) => {
      if (failure === undefined) throw error;
    });
    line(io.stderr, progress.summary());
    if (failure !== undefined && !values['keep-failed']) {
      line(
        io.stderr,
        `${failure} No fixture written (pass --keep-failed to keep one).${offline ? '' : ` ${OFFLINE_HINT}`}`,
      );
      return 1;
    }
    writeAtomically(output, lines);
    line(io.stderr, `Recorded ${lines.length - 1} records to ${output}`);
    if (resultText !== undefined && failure === undefined) line(io.stdout, resultText);
    return failure === undefined ? 0 : 1;
  } finally {
    await offline?.close();
  }
}

const NOT_LOGGED_IN = /not logged in|invalid api key|please run \/login/i;
const OFFLINE_HINT =
  'To record offline, with no key or network, pass --model-script <script.json> (a scripted model; see @agentsdk/testing).';

/** Why the real API cannot be reached without trying, or undefined when credentials may exist. */
function missingCredentials(env: NodeJS.ProcessEnv): string | undefined {
  if (env['ANTHROPIC_API_KEY'] || env['ANTHROPIC_AUTH_TOKEN'] || env['CLAUDE_CODE_OAUTH_TOKEN'])
    return undefined;
  if (env['CLAUDE_CODE_USE_BEDROCK'] || env['CLAUDE_CODE_USE_VERTEX']) return undefined;
  // A logged-in CLI keeps its credentials here (Linux, Windows); macOS uses the keychain.
  const home = env['HOME'] ?? homedir();
  if (process.platform === 'darwin' || existsSync(join(home, '.claude', '.credentials.json')))
    return undefined;
  return `No Anthropic credentials: ANTHROPIC_API_KEY is not set and Claude Code is not logged in (run \`claude\` then /login). ${OFFLINE_HINT}`;
}

function writeAtomically(file: string, lines: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, lines.map((l) => `${l}\n`).join(''));
  renameSync(temp, file);
}
