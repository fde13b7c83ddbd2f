import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The docs' TypeScript blocks are cut from type-checked example files (scripts/check-snippets.mjs).

const script = fileURLToPath(new URL('../../scripts/check-snippets.mjs', import.meta.url));

function check(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('documentation snippets', () => {
  it('every marked ts block of README.md, docs/ and the package READMEs matches its source', () => {
    const { status, output } = check();
    expect(output).toMatch(/^[1-9]\d* snippet\(s\) checked, 0 problem\(s\)\./m);
    expect(status, output).toBe(0);
  });

  const root = mkdtempSync(join(tmpdir(), 'agentsdk-snippets-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports a block that drifted from its source, an unmarked docs block and a missing region', () => {
    mkdirSync(join(root, 'docs'));
    mkdirSync(join(root, 'src'));
    writeFileSync(
      join(root, 'src', 'example.ts'),
      [
        "import { query } from '@agentsdk/core';",
        '',
        'export async function main() {',
        '  // #region loop',
        "  for await (const message of query({ prompt: 'hi' })) {",
        '    // #region inner',
        '    console.log(message.type);',
        '    // #endregion inner',
        '  }',
        '  // #endregion loop',
        '}',
        '',
      ].join('\n'),
    );
    const block = (marker: string, code: string) => `${marker}\n\n\`\`\`ts\n${code}\n\`\`\`\n`;
    // The block shows the import the region uses, taken from the source file.
    const good =
      "import { query } from '@agentsdk/core';\n\n" +
      "for await (const message of query({ prompt: 'hi' })) {\n  console.log(message.type);\n}";
    writeFileSync(
      join(root, 'docs', 'page.md'),
      [
        '# Page',
        block('<!-- snippet: src/example.ts#loop -->', good),
        block('<!-- snippet: src/example.ts#loop -->', good.replace('message.type', 'message')),
        block('<!-- snippet: src/example.ts#nowhere -->', 'x'),
        '```ts\nconst unmarked = 1;\n```\n',
      ].join('\n'),
    );
    const { status, output } = check('--root', root);
    expect(status).toBe(1);
    expect(output).toContain('3 snippet(s) checked, 3 problem(s).');
    expect(output).toMatch(
      /docs\/page\.md:\d+: snippet src\/example\.ts#loop: differs from the source, line 4/,
    );
    expect(output).toContain('no "// #region nowhere" in src/example.ts');
    expect(output).toContain('a ts block without "<!-- snippet: path#region -->"');

    const bare = good.split('\n\n')[1] ?? '';
    writeFileSync(
      join(root, 'docs', 'bare.md'),
      block('<!-- snippet: src/example.ts#loop -->', bare),
    );
    const withoutImports = check('--root', root);
    expect(withoutImports.output).toContain('4 snippet(s) checked, 4 problem(s).');
    expect(withoutImports.output).toMatch(
      /docs\/bare\.md:3: snippet src\/example\.ts#loop: differs from the source, line 1:\n\s+source: "import \{ query \} from '@agentsdk\/core';"/,
    );

    // --write repairs what it can (the drifted blocks), not the rest.
    check('--root', root, '--write');
    const after = check('--root', root);
    expect(after.output).toContain('4 snippet(s) checked, 2 problem(s).');
  });
});
