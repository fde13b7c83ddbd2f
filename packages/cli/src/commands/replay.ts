import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { query, type SDKMessage } from '@agentsdk/core';
import {
  collect,
  readFixture,
  replayTransport,
  type Divergence,
  type Fixture,
} from '@agentsdk/testing';
import { CliError } from '../errors/CliError.js';
import { line, painter, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';
import { describeMessage } from './describeMessage.js';
import { loadToolsModule } from './loadToolsModule.js';

export const REPLAY_HELP = `Usage: agentsdk replay <file.jsonl> [--tools <module>] [--json]

Print a recorded session readably. With --tools, re-run its tool calls against a built module's
exported tools (no CLI, no network) and show where the answers differ from the recording.

Options:
  --tools <module>  a built module exporting tools (createSdkMcpServer() servers or tool()s)
  --json            print {"fixture","lines":[…],"divergences":[…]} on stdout
  -h, --help        show this help

Exit codes: 0 printed (and, with --tools, no differences), 1 differences or a bad fixture, 2 bad usage.
`;

export async function runReplay(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk replay', args, {
    tools: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(REPLAY_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliError('USAGE', 'agentsdk replay: give one fixture file.');
  const file = resolve(io.cwd, positionals[0] ?? '');
  if (!existsSync(file)) throw new CliError('FILE_NOT_FOUND', `Fixture not found: ${file}.`);
  let fixture: Fixture;
  try {
    fixture = readFixture(file);
  } catch (error) {
    throw new CliError(
      'COMMAND_FAILED',
      `Cannot read fixture ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let lines: string[];
  let divergences: readonly Divergence[] = [];
  if (values.tools) {
    const tools = await loadToolsModule(values.tools, io.cwd);
    const transport = replayTransport(fixture, { mode: 'lenient' });
    const messages: SDKMessage[] = await collect(
      query({ prompt: promptOf(fixture), options: { mcpServers: tools.mcpServers }, transport }),
    ).catch((error: unknown) => {
      throw new CliError(
        'COMMAND_FAILED',
        `Replay of ${file} failed: ${(error as Error).message}`,
        { cause: error },
      );
    });
    divergences = (await transport.finished()).divergences;
    lines = messages.flatMap((m) => describeMessage(m as unknown as Record<string, unknown>));
  } else {
    lines = fixture.records.flatMap((r) => (r.dir === 'cli->sdk' ? describeMessage(r.msg) : []));
  }
  if (values.json) {
    const json = {
      fixture: file,
      lines,
      divergences: divergences.map((d) => ({
        kind: d.kind,
        seq: d.seq,
        what: d.what,
        message: d.message,
      })),
    };
    line(io.stdout, JSON.stringify(json, null, 2));
  } else {
    for (const text of lines) line(io.stdout, text);
    const paint = painter(io.stderr, io.env);
    if (values.tools) {
      if (divergences.length === 0)
        line(io.stderr, `${paint('green', '✔')} The tools answered as recorded.`);
      for (const d of divergences) line(io.stderr, paint('red', d.message));
    }
  }
  return divergences.length > 0 ? 1 : 0;
}

/** The recorded prompt: the header's `meta.prompt`, else the first user message's text. */
function promptOf(fixture: Fixture): string {
  const meta = fixture.header.meta?.['prompt'];
  if (typeof meta === 'string') return meta;
  for (const record of fixture.records) {
    if (record.dir !== 'sdk->cli' || record.msg['type'] !== 'user') continue;
    const content = (record.msg['message'] as { content?: unknown } | undefined)?.content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      const text = (content as { text?: unknown }[]).find((b) => typeof b.text === 'string')?.text;
      if (typeof text === 'string') return text;
    }
  }
  throw new CliError(
    'COMMAND_FAILED',
    'The fixture has no prompt to replay (no meta.prompt and no user message).',
  );
}
