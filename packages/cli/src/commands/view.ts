import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  diffTimelines,
  followTimeline,
  readTimeline,
  renderHtml,
  startViewer,
  ViewerError,
  type Timeline,
  type ViewData,
} from '@agentsdk/viewer';
import { CliError } from '../errors/CliError.js';
import { line, painter, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';

export const VIEW_HELP = `Usage: agentsdk view <file> [--out <report.html>] [--no-open]
       agentsdk view --diff <a> <b> [--out <report.html>] [--no-open]
       agentsdk view --live <trace.jsonl> [--no-open]

Show a session as a timeline in your browser: turns, assistant text and thinking, tool calls with
input, output and duration, subagents folded under their call, permission decisions, hooks, MCP
calls, API retries and errors, tokens and cost. The page is served from 127.0.0.1 on a free port
and loads nothing from the network.

<file> is an @agentsdk/testing fixture, a Claude Code transcript
(~/.claude/projects/<slug>/<session id>.jsonl), an agent-platform session export
(GET /api/sessions/:id/events) or a trace written by the \`trace\` option of query().

Options:
  --diff <a> <b>    two recordings side by side, aligned by turn, the first divergence marked
  --live <file>     follow a trace file while a session writes it (query({ options: { trace } }))
  --out <file>      write one self-contained HTML file instead of serving it
  --port <n>        serve on this port (default: a free one)
  --no-open         do not open the browser; print the URL
  -h, --help        show this help

Exit codes: 0 shown (or written), 1 the input cannot be read (the page shows why), 2 bad usage.
`;

export async function runView(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk view', args, {
    diff: { type: 'boolean' },
    live: { type: 'boolean' },
    out: { type: 'string' },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(VIEW_HELP);
    return 0;
  }
  const wanted = values.diff ? 2 : 1;
  if (positionals.length !== wanted) {
    throw new CliError(
      'USAGE',
      values.diff
        ? 'agentsdk view --diff: give two recordings to compare.'
        : 'agentsdk view: give one session file (agentsdk view --help).',
    );
  }
  if (values.diff && values.live)
    throw new CliError('USAGE', 'agentsdk view: --diff and --live do not go together.');
  if (values.live && values.out)
    throw new CliError(
      'USAGE',
      'agentsdk view: --live serves a page; --out is for a finished session.',
    );
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      'USAGE',
      `agentsdk view: --port must be a port number, got "${values.port}".`,
    );
  }
  const paint = painter(io.stderr, io.env);
  const files = positionals.map((p) => resolve(io.cwd, p));
  const report = (error: unknown): ViewData => {
    const message = (error as Error).message;
    line(io.stderr, `${paint('red', 'error')} ${message}`);
    return { mode: 'error', title: 'This file cannot be shown', message };
  };
  const warn = (timeline: Timeline): void => {
    for (const w of timeline.warnings.slice(0, 10))
      line(io.stderr, `${paint('yellow', 'warning')} ${w}`);
    if (timeline.warnings.length > 10)
      line(io.stderr, `… and ${timeline.warnings.length - 10} more warnings`);
  };

  let data: ViewData;
  let failed = false;
  if (values.live) {
    data = { mode: 'timeline', live: true, timeline: emptyTimeline(files[0] as string) };
  } else {
    try {
      const timelines = files.map((file) => readTimeline(file));
      timelines.forEach(warn);
      data =
        timelines.length === 2
          ? {
              mode: 'diff',
              diff: diffTimelines(timelines[0] as Timeline, timelines[1] as Timeline),
            }
          : { mode: 'timeline', timeline: timelines[0] as Timeline };
      if (data.mode === 'diff') {
        const first = data.diff.first;
        line(
          io.stderr,
          first
            ? `First divergence: ${first.what}: ${first.left ?? '(nothing)'} vs ${first.right ?? '(nothing)'}`
            : 'No divergence: the recordings do the same thing.',
        );
      }
    } catch (error) {
      if (!ViewerError.is(error)) throw error;
      failed = true;
      data = report(error);
    }
  }

  if (values.out) {
    const out = resolve(io.cwd, values.out);
    writeFileSync(out, renderHtml(data));
    line(io.stderr, `Wrote ${out}`);
    return failed ? 1 : 0;
  }

  const server = await startViewer(data, { port });
  const follower = values.live
    ? followTimeline(
        files[0] as string,
        (timeline) => server.update({ mode: 'timeline', live: true, timeline }),
        (error) => {
          report(error);
        },
      )
    : undefined;
  line(io.stdout, server.url);
  line(
    io.stderr,
    `${values.live ? 'Following' : 'Showing'} ${files.join(' and ')} — Ctrl-C to stop.`,
  );
  if (!values['no-open']) openBrowser(server.url, io);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  follower?.close();
  await server.close();
  return failed ? 1 : 0;
}

/** What the live page shows before the trace file has its first line. */
function emptyTimeline(path: string): Timeline {
  return {
    source: { kind: 'trace', path },
    session: {},
    turns: [],
    totals: {
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheCreationTokens: 0,
      costUsd: 0,
      messages: 0,
      toolCalls: 0,
      errors: 0,
    },
    warnings: [],
  };
}

/** The platform's "open this URL" command; failures only print the URL to open by hand. */
function openBrowser(url: string, io: Io): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => line(io.stderr, `Could not open a browser: open ${url} yourself.`));
  child.unref();
}
