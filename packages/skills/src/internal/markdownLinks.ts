/** A link or image target written in Markdown, with its place in the text. */
export interface MarkdownLink {
  /** The target as written, without `<>`, title, `#fragment` or `?query`, percent-decoded. */
  target: string;
  /** Offsets of the target in the text. */
  start: number;
  end: number;
}

const INLINE =
  /!?\[(?:[^\]\\\n]|\\.)*\]\(\s*(<[^>\n]*>|[^()\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Links of a Markdown text, outside fenced code blocks and inline code. */
export function markdownLinks(text: string): MarkdownLink[] {
  const masked = maskCode(text);
  const links: MarkdownLink[] = [];
  for (const pattern of [INLINE, REFERENCE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(masked); m; m = pattern.exec(masked)) {
      const raw = m[1] ?? '';
      const start = m.index + m[0].indexOf(raw);
      const unwrapped = raw.startsWith('<') ? raw.slice(1, -1) : raw;
      const offset = raw.startsWith('<') ? 1 : 0;
      links.push({
        target: clean(unwrapped),
        start: start + offset,
        end: start + offset + unwrapped.length,
      });
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

/** True for a target that names a file relative to the document (not a URL, anchor or absolute path). */
export function isRelativeTarget(target: string): boolean {
  if (target === '') return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return false;
  if (/^[#/~\\]/.test(target)) return false;
  if (target.includes('${') || target.includes('{{')) return false;
  return true;
}

function clean(target: string): string {
  const bare = target.replace(/[#?].*$/, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** Replace code (fenced blocks, inline spans) with spaces, keeping offsets. */
function maskCode(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const open = FENCE.exec(line);
    if (fence !== undefined) {
      if (open && open[1]?.[0] === fence[0] && (open[1]?.length ?? 0) >= fence.length)
        fence = undefined;
      return ' '.repeat(line.length);
    }
    if (open?.[1]) {
      fence = open[1];
      return ' '.repeat(line.length);
    }
    return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
  });
  return out.join('\n');
}
