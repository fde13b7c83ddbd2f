/**
 * The ```ts blocks of README.md and the package READMEs that are not cut from an example file
 * (scripts/check-snippets.mjs checks those) compile as shown: each block, with its own imports,
 * is type-checked as a module of this package, which depends on every package of ours. A block
 * that cannot compile alone (API signatures, a block another test checks) says so just above it:
 * `<!-- not-compiled: why -->`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const e2eDir = fileURLToPath(new URL('../', import.meta.url));
const SNIPPET = /^<!--\s*snippet:/;
const NOT_COMPILED = /^<!--\s*not-compiled:\s*\S.*-->$/;

interface Block {
  where: string;
  code: string;
}

function blocks(): { compiled: Block[]; skipped: string[] } {
  const files = [join(repo, 'README.md')];
  for (const name of readdirSync(join(repo, 'packages')).sort()) {
    const readme = join(repo, 'packages', name, 'README.md');
    if (existsSync(readme)) files.push(readme);
  }
  const compiled: Block[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
      let close = i + 1;
      while (close < lines.length && !/^```\s*$/.test(lines[close] ?? '')) close++;
      let prev = i - 1;
      while (prev >= 0 && (lines[prev] ?? '').trim() === '') prev--;
      const marker = (lines[prev] ?? '').trim();
      const where = `${relative(repo, file)}:${i + 1}`;
      if (NOT_COMPILED.test(marker)) skipped.push(where);
      else if (!SNIPPET.test(marker))
        compiled.push({ where, code: lines.slice(i + 1, close).join('\n') });
      i = close;
    }
  }
  return { compiled, skipped };
}

// Inside this package, so its node_modules resolve the imports; removed afterwards.
const dir = mkdtempSync(join(e2eDir, '.readme-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('every README ts block that is not cut from an example compiles as shown', () => {
  const { compiled, skipped } = blocks();
  expect(compiled.length).toBeGreaterThan(10);
  expect(skipped.length).toBeLessThan(5); // exceptions stay exceptions
  const names = new Map<string, string>();
  compiled.forEach((block, n) => {
    const file = join(dir, `block${n}.mts`);
    // `export {}`: a block without imports is still a module (top-level await).
    writeFileSync(file, `${block.code}\nexport {};\n`);
    names.set(file, block.where);
  });
  const base = ts.getParsedCommandLineOfConfigFile(
    join(repo, 'tsconfig.base.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!base) throw new Error('tsconfig.base.json could not be read');
  const program = ts.createProgram([...names.keys()], {
    ...base.options,
    noEmit: true,
    // Our packages as their source: no build needed, and the types users get.
    customConditions: ['@agentsdk/source'],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file?.fileName ?? '';
    const line =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const where = names.get(file) ?? file;
    return `${where} (+${line + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
}, 120_000);
