import { LineDecoder } from './LineDecoder.js';

/** Drains stderr line by line, forwards each line, and keeps a bounded tail for error messages. */
export class StderrBuffer {
  private readonly lines: string[] = [];
  private bytes = 0;
  private readonly decoder: LineDecoder;

  constructor(
    private readonly onLine: ((line: string) => void) | undefined,
    private readonly maxLines = 100,
    private readonly maxBytes = 16 * 1024,
  ) {
    this.decoder = new LineDecoder({
      line: (text) => this.add(text),
      oversized: (size) => this.add(`[stderr line of ${size} bytes dropped]`),
    });
  }

  push(chunk: Buffer): void {
    this.decoder.push(chunk);
  }

  end(): void {
    this.decoder.end();
  }

  tail(): string {
    return this.lines.join('\n');
  }

  private add(line: string): void {
    const kept = line.length > this.maxBytes ? `${line.slice(0, this.maxBytes)}…` : line;
    this.lines.push(kept);
    this.bytes += kept.length;
    while (
      this.lines.length > this.maxLines ||
      (this.bytes > this.maxBytes && this.lines.length > 1)
    ) {
      this.bytes -= this.lines.shift()?.length ?? 0;
    }
    if (this.onLine) {
      try {
        this.onLine(line);
      } catch {
        // A throwing stderr callback must not break draining.
      }
    }
  }
}
