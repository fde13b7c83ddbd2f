import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { query, type ClaudeAgentOptions } from '@agentsdk/core';
import {
  createModelServer,
  loadModelScript,
  recordingTransport,
  type ModelServer,
} from '@agentsdk/testing';
import { CliError } from '../errors/CliError.js';
import { line, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';
import { describeMessage } from './describeMessage.js';
import { loadToolsModule } from './loadToolsModule.js';

export const RECORD_HELP = `Usage: agentsdk record -o <file.jsonl> [options] -- <prompt…>

Run one session through the SDK with recording on, and write it as a fixture for replay tests.
The session is printed as it runs (stderr); the final result text goes to stdout.

Options:
  -o, --output <file>        the fixture to write (required)
      --tools <module>       a built module whose exported tools the session can use
      --allowed-tools <list> comma-separated tools to allow (default: the module's tools)
      --model-script <file>  answer from a scripted model server (offline, no API key; see @agentsdk/testing)
      --cli <path>           the Claude Code CLI (default: discovered)
  -h, --help                 show this help

Exit codes: 0 recorded, 1 the session or recording failed, 2 bad usage.
`;

export async function runRecord(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk record', args, {
    output: { type: 'string', short: 'o' },
    tools: { type: 'string' },
    'allowed-tools': { type: 'string' },
    'model-script': { type: 'string' },
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

  let model: ModelServer | undefined;
  let root: string | undefined;
  const options: ClaudeAgentOptions = {
    cwd: io.cwd,
    ...(values.cli !== undefined && { cliPath: resolve(io.cwd, values.cli) }),
    ...(tools && { mcpServers: tools.mcpServers }),
    ...(allowedTools.length > 0 && { allowedTools }),
  };
  try {
    if (values['model-script']) {
      const script = await loadModelScript(resolve(io.cwd, values['model-script'])).catch(
        (error: unknown) => {
          throw new CliError('FILE_NOT_FOUND', (error as Error).message, { cause: error });
        },
      );
      model = await createModelServer({ script });
      root = mkdtempSync(join(tmpdir(), 'agentsdk-record-'));
      for (const dir of ['home', 'tmp']) mkdirSync(join(root, dir));
      options.env = {
        HOME: join(root, 'home'),
        TMPDIR: join(root, 'tmp'),
        ANTHROPIC_API_KEY: 'sk-test-offline',
        ANTHROPIC_BASE_URL: model.url,
        ANTHROPIC_AUTH_TOKEN: undefined,
        CLAUDE_CODE_MAX_RETRIES: '0',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
      };
    }
    const transport = recordingTransport({
      path: output,
      options,
      redact: { home: true, ...(root !== undefined && { values: { [root]: 'workdir' } }) },
      meta: { prompt },
    });
    let resultText: string | undefined;
    let failed = false;
    for await (const message of query({ prompt, options, transport })) {
      for (const text of describeMessage(message as unknown as Record<string, unknown>))
        line(io.stderr, text);
      if (message.type === 'result') {
        failed = message.is_error;
        resultText = 'result' in message ? message.result : undefined;
      }
    }
    const fixture = await transport.recorded();
    line(io.stderr, `Recorded ${fixture.records.length} records to ${output}`);
    if (resultText !== undefined) line(io.stdout, resultText);
    return failed ? 1 : 0;
  } finally {
    await model?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }
}
