import { StringDecoder } from 'node:string_decoder';

const NEWLINE = 0x0a;

export interface LineSink {
  /** A complete line, decoded as UTF-8, without its `\n` (and without a trailing `\r`). */
  line(text: string): void;
  /** A line that could not become a string (over V8's string limit). The line is dropped. */
  oversized(byteLength: number, cause: unknown): void;
}

/**
 * Splits a byte stream on `\n` and decodes UTF-8 without ever splitting a character, with no
 * line-length limit short of V8's. A line inside one chunk is decoded straight from it. A line
 * spread over chunks is decoded chunk by chunk (`StringDecoder` carries split characters) into
 * one string that V8 keeps as a rope — no byte buffer of the whole line is kept, and nothing is
 * copied until `JSON.parse` reads it. Past V8's limit the line is dropped, its bytes discarded up
 * to the next newline, and reported as oversized.
 */
export class LineDecoder {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private pendingBytes = 0;
  private overflow: unknown;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      if (this.pendingBytes === 0)
        this.emit(chunk.toString('utf8', start, trimCr(chunk, start, nl)));
      else this.finish(chunk.subarray(start, nl));
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.append(start === 0 ? chunk : chunk.subarray(start));
  }

  /** Flush a last line that had no trailing newline (stream ended). */
  end(): void {
    if (this.pendingBytes > 0) this.finish(Buffer.alloc(0));
  }

  private append(bytes: Buffer): void {
    this.pendingBytes += bytes.length;
    if (this.overflow !== undefined) return;
    try {
      this.pending += this.decoder.write(bytes);
    } catch (error) {
      this.overflow = error; // RangeError: the line is past V8's string limit
      this.pending = '';
    }
  }

  private finish(last: Buffer): void {
    const total = this.pendingBytes + last.length;
    let text: string | undefined;
    if (this.overflow === undefined) {
      try {
        text = this.pending + this.decoder.end(last);
      } catch (error) {
        this.overflow = error;
      }
    } else {
      this.decoder.end();
    }
    const overflow = this.overflow;
    this.pending = '';
    this.pendingBytes = 0;
    this.overflow = undefined;
    if (text === undefined) {
      this.sink.oversized(total, overflow);
      return;
    }
    this.emit(text.endsWith('\r') ? text.slice(0, -1) : text);
  }

  private emit(text: string): void {
    if (text !== '') this.sink.line(text);
  }
}

function trimCr(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === 0x0d ? end - 1 : end;
}
