import { describe, expect, it } from 'vitest';
import { parseFrontmatterDocument } from './frontmatterDocument.js';

describe('parseFrontmatterDocument', () => {
  it('locates keys and values in the whole file', () => {
    const doc = parseFrontmatterDocument(
      '---\nname: a\nmetadata:\n  author: me\n---\nbody\n',
      'f.md',
    );
    const pos = (span: { start: number } | undefined) =>
      span ? doc.lines.at(span.start) : undefined;
    expect(pos(doc.keySpan('name'))).toEqual({ line: 2, column: 1 });
    expect(pos(doc.valueSpan('name'))).toEqual({ line: 2, column: 7 });
    expect(pos(doc.entrySpan('metadata', 'author'))).toEqual({ line: 4, column: 11 });
    expect(doc.body).toBe('body\n');
    expect(doc.bodyLine).toBe(6);
  });

  it('handles CRLF, a BOM and an empty block', () => {
    const crlf = parseFrontmatterDocument('\uFEFF---\r\nname: a\r\n---\r\nbody\r\n', 'f.md');
    expect(crlf.data).toEqual({ name: 'a' });
    expect(crlf.body).toBe('body\r\n');
    const empty = parseFrontmatterDocument('---\n---\n', 'f.md');
    expect(empty.data).toEqual({});
    expect(empty.diagnostics).toEqual([]);
  });

  it('gives up the data on a syntax error but not on a duplicate key', () => {
    expect(parseFrontmatterDocument('---\na: [\n---\n', 'f.md').data).toBeUndefined();
    expect(parseFrontmatterDocument('---\na: 1\na: 2\n---\n', 'f.md').data).toBeDefined();
  });

  it('treats a body horizontal rule as body', () => {
    const doc = parseFrontmatterDocument('---\na: 1\n---\ntext\n\n---\n\nmore', 'f.md');
    expect(doc.body).toBe('text\n\n---\n\nmore');
  });
});
