import { isMap, isPair, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { SkillDiagnostic, SkillDiagnosticCode } from '../diagnostics/SkillDiagnostic.js';
import type { Severity } from '../diagnostics/Severity.js';
import { isRecord } from './isRecord.js';
import { lineIndex, type LineIndex, type Position } from './lineIndex.js';

/** A span of the source file, in character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A Markdown file split into YAML frontmatter and body, with the frontmatter parsed and located. */
export interface FrontmatterDocument {
  file: string;
  source: string;
  /** True when the file starts with a `---` block (closed or not). */
  hasFrontmatter: boolean;
  /**
   * The frontmatter as plain data: `{}` when there is none or it is empty, `undefined` when its YAML
   * does not parse or it is not a mapping.
   */
  data: Record<string, unknown> | undefined;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Syntax problems: missing/unclosed frontmatter, YAML errors, duplicate keys, non-mapping. */
  diagnostics: SkillDiagnostic[];
  /** Where a top-level key is written (the key itself), if it is. */
  keySpan(key: string): Span | undefined;
  /** Where a top-level key's value is written (the key when the value is empty). */
  valueSpan(key: string): Span | undefined;
  /** Where an entry of a mapping value is written: `entrySpan('metadata', 'author')`. */
  entrySpan(key: string, entry: string): Span | undefined;
  /** The span of the opening `---` line (where file-level problems point). */
  headSpan: Span;
  lines: LineIndex;
  /** A diagnostic located at `span` of this file. */
  diagnostic(
    code: SkillDiagnosticCode,
    severity: Severity,
    message: string,
    span: Span,
    key?: string,
  ): SkillDiagnostic;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** Split and parse a Markdown file with YAML frontmatter. Never throws. */
export function parseFrontmatterDocument(source: string, file: string): FrontmatterDocument {
  const lines = lineIndex(source);
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = source.slice(bom);
  const firstLineEnd = source.indexOf('\n', bom);
  const headSpan: Span = {
    start: bom,
    end: firstLineEnd < 0 ? source.length : firstLineEnd,
  };
  const diagnostics: SkillDiagnostic[] = [];
  const diagnostic = (
    code: SkillDiagnosticCode,
    severity: Severity,
    message: string,
    span: Span,
    key?: string,
  ): SkillDiagnostic => {
    const start = lines.at(span.start);
    const end = lines.at(Math.max(span.end, span.start));
    return {
      code,
      severity,
      message,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(key !== undefined && { key }),
    };
  };

  const base = {
    file,
    source,
    lines,
    headSpan,
    diagnostic,
    diagnostics,
  };
  const noKeys = {
    keySpan: () => undefined,
    valueSpan: () => undefined,
    entrySpan: () => undefined,
  };

  const open = OPEN.exec(head);
  if (!open) {
    diagnostics.push(
      diagnostic(
        'FRONTMATTER_MISSING',
        'error',
        'No YAML frontmatter: the file must start with a line `---`, then `name:` and `description:`, then `---`.',
        headSpan,
      ),
    );
    return {
      ...base,
      ...noKeys,
      hasFrontmatter: false,
      data: {},
      body: source.slice(bom),
      bodyLine: 1,
    };
  }

  const yamlStart = bom + open[0].length;
  const rest = source.slice(yamlStart);
  const close = CLOSE.exec(rest);
  if (!close) {
    diagnostics.push(
      diagnostic(
        'FRONTMATTER_UNCLOSED',
        'error',
        'The frontmatter opened on line 1 is never closed: add a line `---` after the last key.',
        headSpan,
      ),
    );
    return {
      ...base,
      ...noKeys,
      hasFrontmatter: true,
      data: undefined,
      body: '',
      bodyLine: lines.lineCount + 1,
    };
  }

  const yamlText = rest.slice(0, close.index);
  const closeEnd = yamlStart + close.index + close[0].length;
  const bodyStart = source.charCodeAt(closeEnd) === 13 ? closeEnd + 2 : closeEnd + 1;
  const body = bodyStart <= source.length ? source.slice(bodyStart) : '';
  const bodyLine = lines.at(Math.min(closeEnd, source.length)).line + 1;

  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): number => yamlStart + offset;
  const spanOf = (node: Node | null | undefined): Span | undefined =>
    node?.range ? { start: at(node.range[0]), end: at(node.range[1]) } : undefined;

  let syntaxBroken = false;
  for (const error of doc.errors) {
    // An error at the very end (an unclosed quote or bracket) points at the last written character.
    const last = Math.max(0, yamlText.trimEnd().length - 1);
    const span = {
      start: at(Math.min(error.pos[0], last)),
      end: at(Math.min(Math.max(error.pos[1], error.pos[0]), last + 1)),
    };
    if (error.code === 'DUPLICATE_KEY') {
      const lineEnd = source.indexOf('\n', span.start);
      const line = source.slice(span.start, lineEnd < 0 ? source.length : lineEnd);
      const key = (/^\s*(?:["']?)([^"':]+)/.exec(line)?.[1] ?? 'a key').trim();
      span.end = span.start + key.length;
      diagnostics.push(
        diagnostic(
          'DUPLICATE_KEY',
          'error',
          `\`${key}\` is set more than once in the frontmatter. YAML keys must be unique and readers disagree on which value wins: keep one.`,
          span,
          key,
        ),
      );
    } else {
      syntaxBroken = true;
      diagnostics.push(diagnostic('YAML_SYNTAX', 'error', yamlMessage(error.message), span));
    }
  }

  const pairs = new Map<string, Pair>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      if (key !== undefined && !pairs.has(key)) pairs.set(key, item);
    }
  }
  const keyNode = (key: string): Node | undefined => {
    const k = pairs.get(key)?.key;
    return isScalar(k) ? k : undefined;
  };
  const valueNode = (key: string): Node | undefined => {
    const v = pairs.get(key)?.value;
    return v && typeof v === 'object' && 'range' in v ? (v as Node) : undefined;
  };
  const keys = {
    keySpan: (key: string) => spanOf(keyNode(key)),
    valueSpan: (key: string) => spanOf(valueNode(key)) ?? spanOf(keyNode(key)),
    entrySpan: (key: string, entry: string) => {
      const value = valueNode(key);
      if (!isMap(value)) return undefined;
      for (const item of value.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === entry) {
          const v = item.value;
          return (
            (v && typeof v === 'object' && 'range' in v ? spanOf(v as Node) : undefined) ??
            spanOf(item.key)
          );
        }
      }
      return undefined;
    },
  };

  let data: Record<string, unknown> | undefined;
  if (!syntaxBroken) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      diagnostics.push(
        diagnostic(
          'YAML_SYNTAX',
          'error',
          yamlMessage(error instanceof Error ? error.message : String(error)),
          { start: yamlStart, end: yamlStart + yamlText.length },
        ),
      );
      value = undefined;
      syntaxBroken = true;
    }
    if (!syntaxBroken) {
      if (value === null || value === undefined) data = {};
      else if (isRecord(value)) data = value;
      else
        diagnostics.push(
          diagnostic(
            'FRONTMATTER_NOT_MAPPING',
            'error',
            `The frontmatter must be a YAML mapping (\`key: value\` lines), not ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}.`,
            spanOf(doc.contents as Node | null) ?? headSpan,
          ),
        );
    }
  }

  return { ...base, ...keys, hasFrontmatter: true, data, body, bodyLine };
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0]?.trim() ?? raw;
  const hint = /mapping/i.test(first)
    ? ' A value that contains ": " must be quoted: `description: "Use when: …"`.'
    : '';
  return `The frontmatter is not valid YAML: ${first}.${hint}`.replace('..', '.');
}

export type { Position };
