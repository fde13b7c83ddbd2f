import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ViewerError } from '../errors/ViewerError.js';
import type { Timeline } from '../model/Timeline.js';
import { parseLines } from './parseLines.js';
import { parseTimeline } from './parseTimeline.js';

/**
 * Read a session file into a timeline (see `parseTimeline` for the formats). For a CLI
 * transcript `<dir>/<id>.jsonl`, subagent transcripts are read from `<dir>/<id>/subagents/`.
 */
export function readTimeline(path: string): Timeline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ViewerError(
      'FILE_NOT_READABLE',
      `Cannot read ${path}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`,
      { cause },
    );
  }
  const subagents = join(dirname(path), basename(path, '.jsonl'), 'subagents');
  return parseTimeline(text, path, {
    readSubagent: (agentId) => {
      try {
        const file = join(subagents, `agent-${agentId}.jsonl`);
        return parseLines(readFileSync(file, 'utf8'), file).lines;
      } catch {
        return undefined;
      }
    },
  });
}
