import { describe, expect, it } from 'vitest';
import {
  SKILL_DIAGNOSTIC_CODES,
  type SkillDiagnosticCode,
} from '../diagnostics/SkillDiagnostic.js';
import type { SkillMode } from './SkillFrontmatter.js';
import { validateSkill, type ValidateSkillOptions } from './validateSkill.js';

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n`;
const GOOD = [
  'name: pdf-tools',
  'description: Extracts text from PDFs. Use when the user asks about a PDF.',
];

interface Case {
  title: string;
  source: string;
  options?: ValidateSkillOptions;
  /** The diagnostic expected (others may exist unless `only`). */
  code: SkillDiagnosticCode;
  severity: 'error' | 'warning';
  line: number;
  column: number;
}

const longBody = Array.from({ length: 501 }, (_, i) => `line ${i + 1}`).join('\n');
const files = new Map<string, string | null>([
  ['SKILL.md', ''],
  ['references/api.md', 'See [the details](details.md).'],
  ['references/details.md', 'Details.'],
  ['scripts/run.py', null],
]);

/** One failing case per rule (at least). */
const failing: Case[] = [
  {
    title: 'no frontmatter',
    source: '# PDF tools\n',
    code: 'FRONTMATTER_MISSING',
    severity: 'error',
    line: 1,
    column: 1,
  },
  {
    title: 'unclosed frontmatter',
    source: '---\nname: pdf-tools\n',
    code: 'FRONTMATTER_UNCLOSED',
    severity: 'error',
    line: 1,
    column: 1,
  },
  {
    title: 'YAML syntax error',
    source: fm('name: pdf-tools', 'description: "unterminated'),
    code: 'YAML_SYNTAX',
    severity: 'error',
    line: 3,
    column: 26,
  },
  {
    title: 'unquoted colon in a value',
    source: fm('name: pdf-tools', 'description: Reads PDFs. Use when: asked'),
    code: 'YAML_SYNTAX',
    severity: 'error',
    line: 3,
    column: 14,
  },
  {
    title: 'duplicate key',
    source: fm(...GOOD, 'name: other'),
    code: 'DUPLICATE_KEY',
    severity: 'error',
    line: 4,
    column: 1,
  },
  {
    title: 'frontmatter is a list',
    source: fm('- name', '- description'),
    code: 'FRONTMATTER_NOT_MAPPING',
    severity: 'error',
    line: 2,
    column: 1,
  },
  {
    title: 'name missing',
    source: fm(GOOD[1]!),
    code: 'NAME_MISSING',
    severity: 'error',
    line: 1,
    column: 1,
  },
  {
    title: 'name not a string',
    source: fm('name: 42', GOOD[1]!),
    code: 'NAME_TYPE',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name too long',
    source: fm(`name: ${'a'.repeat(65)}`, GOOD[1]!),
    code: 'NAME_LENGTH',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name empty',
    source: fm('name: ""', GOOD[1]!),
    code: 'NAME_LENGTH',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name uppercase',
    source: fm('name: PDF-Tools', GOOD[1]!),
    code: 'NAME_FORMAT',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name leading hyphen',
    source: fm('name: -pdf', GOOD[1]!),
    code: 'NAME_FORMAT',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name double hyphen',
    source: fm('name: pdf--tools', GOOD[1]!),
    code: 'NAME_FORMAT',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name underscore',
    source: fm('name: pdf_tools', GOOD[1]!),
    code: 'NAME_FORMAT',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'name differs from folder',
    source: fm(...GOOD),
    options: { directoryName: 'pdf' },
    code: 'NAME_MISMATCH',
    severity: 'error',
    line: 2,
    column: 7,
  },
  {
    title: 'reserved word in name',
    source: fm('name: claude-helper', GOOD[1]!),
    code: 'NAME_RESERVED_WORD',
    severity: 'warning',
    line: 2,
    column: 7,
  },
  {
    title: 'description missing',
    source: fm(GOOD[0]!),
    code: 'DESCRIPTION_MISSING',
    severity: 'error',
    line: 1,
    column: 1,
  },
  {
    title: 'description a list',
    source: fm(GOOD[0]!, 'description:', '  - a', '  - b'),
    code: 'DESCRIPTION_TYPE',
    severity: 'error',
    line: 4,
    column: 3,
  },
  {
    title: 'description blank',
    source: fm(GOOD[0]!, 'description: "  "'),
    code: 'DESCRIPTION_EMPTY',
    severity: 'error',
    line: 3,
    column: 14,
  },
  {
    title: 'description too long',
    source: fm(GOOD[0]!, `description: Use when ${'x'.repeat(1020)}`),
    code: 'DESCRIPTION_LENGTH',
    severity: 'error',
    line: 3,
    column: 14,
  },
  {
    title: 'description without when',
    source: fm(GOOD[0]!, 'description: Extracts text from PDF files.'),
    code: 'DESCRIPTION_NO_WHEN',
    severity: 'warning',
    line: 3,
    column: 14,
  },
  {
    title: 'XML tag in description',
    source: fm(GOOD[0]!, 'description: Use when a <pdf> arrives.'),
    code: 'XML_TAG',
    severity: 'warning',
    line: 3,
    column: 14,
  },
  {
    title: 'license not a string',
    source: fm(...GOOD, 'license: [MIT]'),
    code: 'LICENSE_TYPE',
    severity: 'error',
    line: 4,
    column: 10,
  },
  {
    title: 'compatibility not a string',
    source: fm(...GOOD, 'compatibility: 3'),
    code: 'COMPATIBILITY_TYPE',
    severity: 'error',
    line: 4,
    column: 16,
  },
  {
    title: 'compatibility too long',
    source: fm(...GOOD, `compatibility: ${'c'.repeat(501)}`),
    code: 'COMPATIBILITY_LENGTH',
    severity: 'error',
    line: 4,
    column: 16,
  },
  {
    title: 'metadata not a mapping',
    source: fm(...GOOD, 'metadata: author'),
    code: 'METADATA_TYPE',
    severity: 'error',
    line: 4,
    column: 11,
  },
  {
    title: 'metadata value not a string',
    source: fm(...GOOD, 'metadata:', '  author: me', '  version: 1.0'),
    code: 'METADATA_VALUE',
    severity: 'error',
    line: 6,
    column: 12,
  },
  {
    title: 'allowed-tools list in strict mode',
    source: fm(...GOOD, 'allowed-tools: [Read, Grep]'),
    options: { mode: 'strict' },
    code: 'ALLOWED_TOOLS_TYPE',
    severity: 'error',
    line: 4,
    column: 16,
  },
  {
    title: 'allowed-tools number',
    source: fm(...GOOD, 'allowed-tools: 5'),
    code: 'ALLOWED_TOOLS_TYPE',
    severity: 'error',
    line: 4,
    column: 16,
  },
  {
    title: 'Claude Code key in strict mode',
    source: fm(...GOOD, 'model: sonnet'),
    options: { mode: 'strict' },
    code: 'UNKNOWN_KEY',
    severity: 'error',
    line: 4,
    column: 1,
  },
  {
    title: 'unknown key in strict mode',
    source: fm(...GOOD, 'version: 1.0.0'),
    options: { mode: 'strict' },
    code: 'UNKNOWN_KEY',
    severity: 'error',
    line: 4,
    column: 1,
  },
  {
    title: 'unknown key in claude-code mode',
    source: fm(...GOOD, 'version: 1.0.0'),
    code: 'UNKNOWN_KEY',
    severity: 'warning',
    line: 4,
    column: 1,
  },
  {
    title: 'user-invocable not boolean',
    source: fm(...GOOD, 'user-invocable: "no"'),
    code: 'FIELD_TYPE',
    severity: 'error',
    line: 4,
    column: 17,
  },
  {
    title: 'paths not strings',
    source: fm(...GOOD, 'paths: [1, 2]'),
    code: 'FIELD_TYPE',
    severity: 'error',
    line: 4,
    column: 8,
  },
  {
    title: 'hooks not a mapping',
    source: fm(...GOOD, 'hooks: yes'),
    code: 'FIELD_TYPE',
    severity: 'error',
    line: 4,
    column: 8,
  },
  {
    title: 'effort out of range',
    source: fm(...GOOD, 'effort: huge'),
    code: 'FIELD_VALUE',
    severity: 'error',
    line: 4,
    column: 9,
  },
  {
    title: 'context unknown',
    source: fm(...GOOD, 'context: isolated'),
    code: 'FIELD_VALUE',
    severity: 'error',
    line: 4,
    column: 10,
  },
  {
    title: 'shell unknown',
    source: fm(...GOOD, 'shell: zsh'),
    code: 'FIELD_VALUE',
    severity: 'error',
    line: 4,
    column: 8,
  },
  {
    title: 'guard hook that cannot load',
    source: fm(
      ...GOOD,
      'hooks:',
      '  PreToolUse:',
      '    - matcher: Bash',
      '      hooks:',
      '        - type: command',
    ),
    code: 'FIELD_VALUE',
    severity: 'error',
    line: 5,
    column: 3,
  },
  {
    title: 'body over 500 lines',
    source: fm(...GOOD) + longBody,
    code: 'BODY_TOO_LONG',
    severity: 'warning',
    line: 505,
    column: 1,
  },
  {
    title: 'broken relative link',
    source: fm(...GOOD) + '\nSee [guide](references/guide.md).\n',
    options: { files },
    code: 'BROKEN_LINK',
    severity: 'warning',
    line: 6,
    column: 13,
  },
  {
    title: 'link outside the skill',
    source: fm(...GOOD) + '\n![logo](../shared/logo.png)\n',
    options: { files },
    code: 'BROKEN_LINK',
    severity: 'warning',
    line: 6,
    column: 9,
  },
  {
    title: 'reference chain',
    source: fm(...GOOD) + '\nRead [the API](references/api.md).\n',
    options: { files },
    code: 'NESTED_REFERENCE',
    severity: 'warning',
    line: 6,
    column: 16,
  },
  {
    title: 'nobody can invoke it',
    source: fm(...GOOD, 'disable-model-invocation: true', 'user-invocable: false'),
    code: 'INVOCATION_DISABLED',
    severity: 'warning',
    line: 5,
    column: 17,
  },
];

describe('validateSkill: each rule has a failing case', () => {
  it.each(failing)('$title → $code', ({ source, options, code, severity, line, column }) => {
    const result = validateSkill(source, { file: 'skills/pdf-tools/SKILL.md', ...options });
    const found = result.diagnostics.find((d) => d.code === code);
    expect(found, JSON.stringify(result.diagnostics, null, 2)).toBeDefined();
    expect(found).toMatchObject({ severity, line, column, file: 'skills/pdf-tools/SKILL.md' });
    expect(found!.message.length).toBeGreaterThan(20);
    if (severity === 'error') expect(result.valid).toBe(false);
  });

  it('covers every diagnostic code', () => {
    const covered = new Set(failing.map((c) => c.code));
    expect(SKILL_DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});

describe('validateSkill: valid skills', () => {
  const valid: Array<{
    title: string;
    source: string;
    mode?: SkillMode;
    files?: Map<string, string | null>;
  }> = [
    { title: 'minimal', source: fm(...GOOD) + '\n# PDF tools\n' },
    { title: 'minimal, strict', source: fm(...GOOD), mode: 'strict' },
    {
      title: 'every spec field',
      mode: 'strict',
      source: fm(
        ...GOOD,
        'license: Apache-2.0',
        'compatibility: Needs poppler-utils',
        'metadata:',
        '  author: me',
        '  version: "1.0"',
        'allowed-tools: Read Bash(pdftotext:*)',
      ),
    },
    {
      title: 'every Claude Code field',
      source: fm(
        ...GOOD,
        'when_to_use: A PDF is attached',
        'argument-hint: [file]',
        'arguments: file pages',
        'disable-model-invocation: false',
        'user-invocable: true',
        'allowed-tools: [Read, Grep]',
        'disallowed-tools: Write',
        'model: sonnet',
        'effort: high',
        'context: fork',
        'agent: Explore',
        'paths: ["**/*.pdf"]',
        'shell: bash',
        'hooks:',
        '  PostToolUse:',
        '    - matcher: Read',
        '      hooks:',
        '        - type: command',
        '          command: echo read',
      ),
    },
    {
      title: 'links that resolve',
      source:
        fm(...GOOD) +
        '\n[run](scripts/run.py), [details](references/details.md), [web](https://example.com), [top](#top)\n',
      files,
    },
    {
      title: 'links inside code are ignored',
      source: fm(...GOOD) + '\n```md\n[x](missing.md)\n```\n`[y](missing.md)`\n',
      files,
    },
    { title: 'CRLF line endings', source: fm(...GOOD).replace(/\n/g, '\r\n') + 'Body\r\n' },
    { title: 'byte-order mark', source: '\uFEFF' + fm(...GOOD) },
  ];
  it.each(valid)('$title', ({ source, mode, files: f }) => {
    const result = validateSkill(source, {
      directoryName: 'pdf-tools',
      ...(mode && { mode }),
      ...(f && { files: f }),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('returns the typed frontmatter and the body', () => {
    const { document } = validateSkill(
      fm(...GOOD, 'allowed-tools: Read Grep', 'effort: 3') + '\n# Title\n',
    );
    expect(document.frontmatter).toEqual({
      name: 'pdf-tools',
      description: GOOD[1]!.slice('description: '.length),
      'allowed-tools': 'Read Grep',
      effort: 3,
    });
    expect(document.body).toBe('\n# Title\n');
    expect(document.bodyLine).toBe(7);
  });

  it('reports the end of the offending text too', () => {
    const [d] = validateSkill(fm('name: PDF', GOOD[1]!)).diagnostics;
    expect(d).toMatchObject({
      code: 'NAME_FORMAT',
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 10,
      key: 'name',
    });
  });

  it('names the duplicated key and keeps the data', () => {
    const result = validateSkill(fm(...GOOD, 'description: again'));
    const dup = result.diagnostics.find((d) => d.code === 'DUPLICATE_KEY');
    expect(dup).toMatchObject({ key: 'description', line: 4, column: 1, endColumn: 12 });
    expect(result.document.data).toBeDefined();
  });

  it('skips lint on request', () => {
    const result = validateSkill(fm(GOOD[0]!, 'description: Extracts text.'), { lint: false });
    expect(result.diagnostics).toEqual([]);
  });
});
