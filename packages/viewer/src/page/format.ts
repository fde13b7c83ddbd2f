/** Numbers and values as people read them. */
export function ms(value: number | undefined): string {
  if (value === undefined) return '';
  if (value < 1) return '<1 ms';
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(1)} s`;
  return `${Math.floor(value / 60_000)} min ${Math.round((value % 60_000) / 1000)} s`;
}

export function offset(value: number | undefined): string {
  return value === undefined ? '' : `+${(value / 1000).toFixed(value < 10_000 ? 2 : 1)}s`;
}

export function tokens(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)}k` : value.toLocaleString('en-US');
}

export function usd(value: number | undefined): string {
  if (value === undefined) return '';
  if (value === 0) return '$0';
  return value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(4)}`;
}

/** JSON for display: strings as is, the rest pretty-printed. */
export function pretty(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** One line: the start of a value, for a collapsed row. */
export function oneLine(value: unknown, max = 140): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A tool input in a few words: the command, path or query when there is one. */
export function inputSummary(input: unknown): string {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    for (const key of [
      'command',
      'file_path',
      'path',
      'pattern',
      'url',
      'query',
      'description',
      'prompt',
    ]) {
      if (typeof o[key] === 'string') return oneLine(o[key], 120);
    }
  }
  return oneLine(input, 120);
}
