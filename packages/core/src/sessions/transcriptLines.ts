import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { TranscriptError } from '../errors/TranscriptError.js';

/** One parsed line of a transcript (the CLI's JSONL: one object per line). */
export type TranscriptEntry = Record<string, unknown>;

/**
 * The entries of a transcript file, streamed: memory stays bounded by the longest line, not
 * the file. A line that is not a JSON object is a `TranscriptError` naming file and line, thrown
 * after every entry before it was yielded. A last line cut short by a crash (no newline, not
 * JSON) is skipped: the CLI was writing it when it died.
 */
export async function* transcriptLines(
  file: string,
): AsyncGenerator<{ entry: TranscriptEntry; line: number }, void, undefined> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let pending: { text: string; line: number } | undefined;
  try {
    for await (const text of lines) {
      line += 1;
      if (pending) yield parse(file, pending.text, pending.line);
      pending = text.trim() === '' ? undefined : { text, line };
    }
    if (pending) {
      try {
        yield parse(file, pending.text, pending.line);
      } catch (error) {
        // Only a torn last line (no trailing newline) is forgiven.
        if (!(error instanceof TranscriptError) || (await endsWithNewline(file))) throw error;
      }
    }
  } catch (error) {
    if (error instanceof TranscriptError) throw error;
    throw new TranscriptError(file, undefined, `could not be read (${(error as Error).message})`, {
      cause: error,
    });
  } finally {
    lines.close();
    stream.destroy();
  }
}

function parse(file: string, text: string, line: number): { entry: TranscriptEntry; line: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TranscriptError(file, line, `line is not JSON (${text.slice(0, 80)})`, {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TranscriptError(file, line, 'line is not a JSON object');
  }
  return { entry: value as TranscriptEntry, line };
}

async function endsWithNewline(file: string): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
