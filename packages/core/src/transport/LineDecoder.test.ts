import { describe, expect, it } from 'vitest';
import { LineDecoder } from './LineDecoder.js';

function collect(chunks: Buffer[]): { lines: string[]; oversized: number[] } {
  const lines: string[] = [];
  const oversized: number[] = [];
  const decoder = new LineDecoder({
    line: (l) => lines.push(l),
    oversized: (n) => oversized.push(n),
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return { lines, oversized };
}

describe('LineDecoder', () => {
  it('splits several lines in one chunk and drops empty lines and CR', () => {
    expect(collect([Buffer.from('a\r\nb\n\nc\n')]).lines).toEqual(['a', 'b', 'c']);
  });

  it('joins a line split across many chunks', () => {
    const text = JSON.stringify({ type: 'assistant', text: 'x'.repeat(10_000) });
    const buf = Buffer.from(`${text}\n`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 7) chunks.push(buf.subarray(i, i + 7));
    expect(collect(chunks).lines).toEqual([text]);
  });

  it('keeps multi-byte UTF-8 intact when a character is split across chunks', () => {
    const text = 'héllo wörld — 日本語 🎉';
    const buf = Buffer.from(`${text}\n${text}\n`);
    const chunks = [...buf].map((byte) => Buffer.from([byte])); // one byte per chunk
    expect(collect(chunks).lines).toEqual([text, text]);
  });

  it('flushes a last line without a newline at end', () => {
    expect(collect([Buffer.from('a\nlast')]).lines).toEqual(['a', 'last']);
  });

  it('decodes a 64 MiB line', () => {
    const big = 'y'.repeat(64 * 1024 * 1024);
    const buf = Buffer.from(`{"t":"${big}"}\n`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 65536) chunks.push(buf.subarray(i, i + 65536));
    const { lines } = collect(chunks);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBe(big.length + 8);
  });
});

describe('LineDecoder limits', () => {
  it('reports a line past the string limit as oversized and resynchronises on the next line', () => {
    const lines: string[] = [];
    const oversized: number[] = [];
    const decoder = new LineDecoder({
      line: (l) => lines.push(l),
      oversized: (n) => oversized.push(n),
    });
    // A line of ~600 MiB in 16 MiB chunks (one reused buffer: the decoder keeps text, not bytes).
    const chunk = Buffer.alloc(16 * 1024 * 1024, 0x61);
    const chunks = 38;
    decoder.push(Buffer.from('{"first":1}\n'));
    for (let i = 0; i < chunks; i++) decoder.push(chunk);
    decoder.push(Buffer.from('\n{"after":2}\n'));
    expect(oversized).toEqual([chunks * chunk.length]);
    expect(lines).toEqual(['{"first":1}', '{"after":2}']);
  });
});
