import { StringDecoder } from 'node:string_decoder';

/**
 * Newline framing the plain way: decode each chunk once (the decoder carries a multi-byte
 * character split across chunks), search for `\n` in the new text only, and keep the unfinished
 * line as a string. Concatenating onto it builds a V8 rope, so a long line costs one flatten at
 * `JSON.parse`, not a copy per chunk. A line over V8's string limit throws `RangeError` here.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const line = this.pending.length
        ? this.pending + text.slice(start, nl)
        : text.slice(start, nl);
      this.pending = '';
      if (line.length) this.onLine(line);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.pending += start === 0 ? text : text.slice(start);
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest.length) this.onLine(rest);
  }
}
