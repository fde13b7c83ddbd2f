const NEWLINE = 0x0a;

export interface LineSink {
  /** A complete line, decoded as UTF-8, without its `\n` (and without a trailing `\r`). */
  line(text: string): void;
  /** A line that could not become a string (over V8's string limit). The line is dropped. */
  oversized(byteLength: number, cause: unknown): void;
}

/**
 * Splits a byte stream on `\n` and decodes whole lines only, so a multi-byte UTF-8 character
 * split across chunks is never corrupted and there is no line-length limit short of V8's.
 * A line split over many chunks is joined once, when its newline arrives (O(n), not O(n²)).
 */
export class LineDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      if (this.pendingBytes === 0) {
        this.emit(chunk, start, nl);
      } else {
        this.pending.push(chunk.subarray(start, nl));
        const whole = Buffer.concat(this.pending, this.pendingBytes + (nl - start));
        this.pending = [];
        this.pendingBytes = 0;
        this.emit(whole, 0, whole.length);
      }
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      this.pending.push(start === 0 ? chunk : chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
    }
  }

  /** Flush a last line that had no trailing newline (stream ended). */
  end(): void {
    if (this.pendingBytes === 0) return;
    const whole = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.emit(whole, 0, whole.length);
  }

  private emit(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === 0x0d) end -= 1;
    if (end === start) return;
    let text: string;
    try {
      text = buf.toString('utf8', start, end);
    } catch (error) {
      this.sink.oversized(end - start, error);
      return;
    }
    this.sink.line(text);
  }
}
