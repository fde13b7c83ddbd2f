import { ViewerError } from '../errors/ViewerError.js';
import type { SourceKind, Timeline } from '../model/Timeline.js';
import { isObj, num, obj, str, type Obj } from './json.js';
import { parseLines, type JsonLine } from './parseLines.js';
import { TimelineBuilder } from './TimelineBuilder.js';
import { feedTranscript, type SubagentReader } from './feedTranscript.js';

/** The first line of an `agentsdk-fixture` (@agentsdk/testing) or `agentsdk-trace` (core's `trace`). */
const HEADER_FORMATS: Record<string, SourceKind> = {
  'agentsdk-fixture': 'fixture',
  'agentsdk-trace': 'trace',
};

/**
 * Read a recorded session into a timeline. The format is recognised from the content:
 * - an @agentsdk/testing fixture or a core `trace` file (a header line, then `{seq,t_ms,dir,…}` records);
 * - a Claude Code transcript (`~/.claude/projects/<slug>/<session id>.jsonl`);
 * - an agent-platform session export: `GET /api/sessions/:id/events` (`{"events":[…]}`) or its
 *   events one per line;
 * - a raw stream-json log (`claude -p --output-format stream-json` stdout).
 *
 * Throws `ViewerError` when the input cannot be read at all (empty, not JSON, no known format).
 * A truncated last line and unknown message kinds are warnings in `timeline.warnings`.
 */
export interface ParseOptions {
  /** Where a transcript's subagent files are read from (`readTimeline` reads them beside the file). */
  readSubagent?: SubagentReader;
}

export function parseTimeline(text: string, path = 'input', options: ParseOptions = {}): Timeline {
  if (text.trim() === '')
    throw new ViewerError('EMPTY_INPUT', `${path} is empty: there is no session to show.`);
  const whole = wholeJson(text);
  if (whole !== undefined) return fromPlatform(events(whole, path), path);
  const { lines, truncatedAt } = parseLines(text, path);
  const first = lines[0]?.value;
  if (!isObj(first)) {
    throw new ViewerError(
      'UNKNOWN_FORMAT',
      `${path}:${lines[0]?.line ?? 1} is not a JSON object: ${describe(first)}. ${KNOWN}`,
    );
  }
  let timeline: Timeline;
  const header = HEADER_FORMATS[str(first['format']) ?? ''];
  if (header) timeline = fromRecords(header, first, lines.slice(1), path);
  else if ('payload' in first && 'sessionId' in first) timeline = fromPlatform(lines, path);
  else if (isTranscript(first)) {
    const builder = new TimelineBuilder({ kind: 'transcript', path });
    feedTranscript(builder, lines, options.readSubagent);
    timeline = builder.build();
  } else if (typeof first['type'] === 'string') timeline = fromStream(lines, path);
  else
    throw new ViewerError(
      'UNKNOWN_FORMAT',
      `${path}:${lines[0]?.line ?? 1} is no format agentsdk view knows (keys: ${Object.keys(first).slice(0, 6).join(', ')}). ${KNOWN}`,
    );
  if (truncatedAt !== undefined) {
    timeline.warnings.unshift(
      `${path} ends in the middle of line ${truncatedAt}: the file is truncated (or still being written). Showing the ${lines.length} complete lines.`,
    );
  }
  return timeline;
}

const KNOWN =
  'Expected an @agentsdk/testing fixture, a CLI transcript (~/.claude/projects/<slug>/<id>.jsonl), an agent-platform session export or an agentsdk trace.';

function fromRecords(kind: SourceKind, header: Obj, records: JsonLine[], path: string): Timeline {
  const builder = new TimelineBuilder({
    kind,
    path,
    ...(str(header['name']) ? { name: String(header['name']) } : {}),
    ...(str(header['description']) ? { description: String(header['description']) } : {}),
  });
  const stderr: string[] = [];
  for (const { line, value } of records) {
    const r = obj(value);
    const at = { t: num(r['t_ms']) ?? 0, line };
    switch (r['dir']) {
      case 'cli->sdk':
        builder.fromCli(obj(r['msg']), at);
        break;
      case 'sdk->cli':
        builder.fromSdk(obj(r['msg']), at);
        break;
      case 'stderr':
        stderr.push(String(r['text']));
        break;
      case 'noise':
        break;
      case 'meta':
        if (r['event'] === 'error') builder.error(`Stream error: ${String(r['message'])}`, at);
        if (r['event'] === 'exit' && r['exit_code'] !== 0 && r['exit_code'] !== null) {
          const tail = stderr.slice(-3).join('\n');
          builder.error(
            `The CLI exited with code ${String(r['exit_code'])}${tail ? `: ${tail}` : ''}`,
            at,
          );
        }
        break;
      default:
        builder.warn(
          `line ${line}: unknown record direction ${JSON.stringify(r['dir'])} (skipped).`,
        );
    }
  }
  return builder.build();
}

/** The platform's event log: `{kind:'user'|'message'|'retry'|'state'|'interrupt', …}` payloads. */
function fromPlatform(lines: JsonLine[], path: string): Timeline {
  const builder = new TimelineBuilder({ kind: 'platform', path });
  let t0: number | undefined;
  for (const { line, value } of lines) {
    const event = obj(value);
    const created = num(event['createdAt']);
    if (created !== undefined) t0 ??= created;
    const at = { line, ...(created !== undefined && t0 !== undefined ? { t: created - t0 } : {}) };
    const payload = obj(event['payload']);
    switch (payload['kind']) {
      case 'user':
        builder.prompt(String(payload['text'] ?? ''), at);
        break;
      case 'message':
        builder.fromCli(obj(payload['message']), at);
        break;
      case 'retry':
        builder.retry(
          {
            ...(num(payload['attempt']) !== undefined ? { attempt: num(payload['attempt']) } : {}),
            status: num(payload['status']) ?? null,
            ...(num(payload['delayMs']) !== undefined ? { delayMs: num(payload['delayMs']) } : {}),
            error: 'The platform retries the turn',
          },
          at,
        );
        break;
      case 'state':
        if (payload['state'] === 'error')
          builder.error(`Session error: ${String(payload['reason'] ?? '')}`, at);
        break;
      case 'interrupt':
        builder.error(`Interrupted (${String(payload['reason'] ?? 'by request')})`, at);
        break;
      default:
        builder.warn(
          `line ${line}: unknown platform event kind ${JSON.stringify(payload['kind'])} (skipped).`,
        );
    }
  }
  return builder.build();
}

/** stdout of `claude -p --output-format stream-json`: CLI messages only, no times. */
function fromStream(lines: JsonLine[], path: string): Timeline {
  const builder = new TimelineBuilder({ kind: 'trace', path });
  for (const { line, value } of lines) builder.fromCli(obj(value), { line });
  return builder.build();
}

/** The platform's HTTP answer is one JSON document (`{"events":[…]}`); everything else is NDJSON. */
function wholeJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{"events"') && !trimmed.startsWith('{\n') && !trimmed.startsWith('['))
    return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function events(value: unknown, path: string): JsonLine[] {
  const list = Array.isArray(value) ? value : isObj(value) ? value['events'] : undefined;
  if (!Array.isArray(list)) {
    throw new ViewerError(
      'UNKNOWN_FORMAT',
      `${path} is one JSON document without an "events" array. ${KNOWN}`,
    );
  }
  return list.map((event, i) => ({ line: i + 1, value: event }));
}

/** Transcript entries carry camelCase `sessionId`/`uuid`; SDK messages carry `session_id`. */
function isTranscript(first: Obj): boolean {
  return (
    'uuid' in first ||
    'parentUuid' in first ||
    ('sessionId' in first && typeof first['type'] === 'string') ||
    first['type'] === 'summary' ||
    first['type'] === 'file-history-snapshot'
  );
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
