/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Maps character offsets of a text to 1-based line/column pairs. */
export interface LineIndex {
  at(offset: number): Position;
  /** Number of lines of the text (a final newline does not start a new line). */
  readonly lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineCount = text.endsWith('\n') ? starts.length - 1 : starts.length;
  return {
    lineCount,
    at(offset) {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - (starts[lo] ?? 0) + 1 };
    },
  };
}
