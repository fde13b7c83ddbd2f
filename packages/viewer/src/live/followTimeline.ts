import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Timeline } from '../model/Timeline.js';
import { parseTimeline } from '../parse/parseTimeline.js';

export interface TimelineFollower {
  /** Stop watching. Idempotent. */
  close(): void;
}

/**
 * Follow a trace file that a running session writes (core's `trace` option): `onTimeline` gets
 * the whole timeline again each time the file grows; `onError` gets what cannot be read. The
 * file may not exist yet. Only complete lines are read: the last one may be half written.
 */
export function followTimeline(
  path: string,
  onTimeline: (timeline: Timeline) => void,
  onError: (error: Error) => void,
  options: { intervalMs?: number } = {},
): TimelineFollower {
  let size = -1;
  const read = (): void => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return; // not there yet
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete.length === size) return;
    size = complete.length;
    if (complete.trim() === '') return;
    try {
      onTimeline(parseTimeline(complete, path));
    } catch (error) {
      onError(error as Error);
    }
  };
  const listener = (current: Stats): void => {
    if (current.size !== size) read();
  };
  watchFile(path, { interval: options.intervalMs ?? 150, persistent: true }, listener);
  read();
  let closed = false;
  return {
    close() {
      if (closed) return;
      closed = true;
      unwatchFile(path, listener);
    },
  };
}
