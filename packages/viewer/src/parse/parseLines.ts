import { ViewerError } from '../errors/ViewerError.js';

/** One JSON line of an NDJSON file, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

export interface ParsedLines {
  lines: JsonLine[];
  /** Set when the last line is cut off mid-message (a truncated file, or one still being written). */
  truncatedAt?: number;
}

/**
 * Parse NDJSON. A broken last line without a final newline is a truncation (reported, not
 * thrown: the lines before it are still worth showing); a broken line anywhere else is an error
 * naming the line.
 */
export function parseLines(text: string, source: string): ParsedLines {
  const raw = text.split('\n');
  const lines: JsonLine[] = [];
  let truncatedAt: number | undefined;
  for (let i = 0; i < raw.length; i++) {
    const line = (raw[i] as string).trim();
    if (line === '') continue;
    try {
      lines.push({ line: i + 1, value: JSON.parse(line) });
    } catch (cause) {
      const last = i === raw.length - 1;
      if (last && lines.length > 0 && line.startsWith('{')) {
        truncatedAt = i + 1;
        break;
      }
      throw new ViewerError(
        'NOT_JSON',
        `${source}:${i + 1} is not JSON (${(cause as Error).message}): ${JSON.stringify(line.slice(0, 80))}. ` +
          'agentsdk view reads NDJSON: an @agentsdk/testing fixture, a CLI transcript (~/.claude/projects/…/<id>.jsonl), ' +
          'a platform session export or an agentsdk trace.',
        { cause },
      );
    }
  }
  return truncatedAt === undefined ? { lines } : { lines, truncatedAt };
}
