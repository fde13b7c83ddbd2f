#!/usr/bin/env node
// Checks that the TypeScript code blocks of the docs are cut from type-checked example files.
//
// A ```ts block preceded by `<!-- snippet: path#region -->` must equal the lines between
// `// #region region` and `// #endregion region` of `path` (relative to the repository root),
// dedented, with the markers of other regions left out. `<!-- snippet: path -->` means the whole
// file. The block starts with the import lines of that file the region uses (so a region inside
// a function still shows where each name comes from), and `../src/index.js`-style imports of a
// package's own source read as the package name (scripts/snippet-imports.mjs). In docs/**/*.md
// and examples/*/README.md every ```ts block must have a marker; in README.md and
// packages/*/README.md only the marked ones are checked.
//
//   node scripts/check-snippets.mjs               check, exit 1 on a problem
//   node scripts/check-snippets.mjs --write       rewrite each marked block from its source
//   node scripts/check-snippets.mjs --root <dir>  check another tree (default: this repository)

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withImports } from './snippet-imports.mjs';

const MARKER = /^<!--\s*snippet:\s*([^#\s]+)(?:#(\S+))?\s*-->$/;
const REGION_START = /^\s*\/\/\s*#region\s+(\S+)/;
const REGION_END = /^\s*\/\/\s*#endregion(?:\s+(\S+))?/;

/** The markdown files to check, and whether every ts block in them needs a marker. */
function markdownFiles(root) {
  const files = [];
  const add = (path, strict) => existsSync(path) && files.push({ path, strict });
  add(join(root, 'README.md'), false);
  for (const dir of ['packages', 'examples']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort())
      add(join(root, dir, name, 'README.md'), dir === 'examples');
  }
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push({ path, strict: true });
    }
  };
  if (existsSync(join(root, 'docs'))) walk(join(root, 'docs'));
  return files;
}

/** The text of a region (or of the whole file), dedented, without region marker lines. */
export function extractRegion(source, region) {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let body;
  if (region === undefined) {
    body = lines;
  } else {
    const start = lines.findIndex((l) => REGION_START.exec(l)?.[1] === region);
    if (start < 0) return { error: `no "// #region ${region}"` };
    const end = lines.findIndex((l, i) => {
      if (i <= start) return false;
      const m = REGION_END.exec(l);
      return m !== null && (m[1] === undefined || m[1] === region);
    });
    if (end < 0) return { error: `no "// #endregion ${region}"` };
    body = lines.slice(start + 1, end);
  }
  body = body.filter((l) => !REGION_START.test(l) && !REGION_END.test(l));
  while (body.length > 0 && body.at(-1).trim() === '') body.pop();
  while (body.length > 0 && body[0].trim() === '') body.shift();
  const indent = Math.min(
    ...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return { text: body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') };
}

/** The first line where two texts differ, for the error message. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n      source: ${JSON.stringify(a[i] ?? '<end>')}\n      doc:    ${JSON.stringify(b[i] ?? '<end>')}`;
  }
  return 'identical';
}

/**
 * Check (or with `write`, update) every snippet. Returns the number of blocks checked and the
 * problems found, as `file:line: message` strings.
 */
export function checkSnippets({ root, write = false } = {}) {
  const problems = [];
  let checked = 0;
  for (const { path, strict } of markdownFiles(root)) {
    const rel = relative(root, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
      let close = i + 1;
      while (close < lines.length && !/^```\s*$/.test(lines[close])) close++;
      if (close >= lines.length) {
        problems.push(`${rel}:${i + 1}: unclosed code block`);
        break;
      }
      let prev = i - 1;
      while (prev >= 0 && lines[prev].trim() === '') prev--;
      const marker = prev >= 0 ? MARKER.exec(lines[prev].trim()) : null;
      if (!marker) {
        if (strict)
          problems.push(
            `${rel}:${i + 1}: a ts block without "<!-- snippet: path#region -->": cut it from a type-checked example`,
          );
        i = close;
        continue;
      }
      checked++;
      const [, file, region] = marker;
      const sourcePath = resolve(root, file);
      const where = `${rel}:${i + 1}: snippet ${file}${region ? `#${region}` : ''}`;
      if (!existsSync(sourcePath)) {
        problems.push(`${where}: no such file`);
        i = close;
        continue;
      }
      const source = readFileSync(sourcePath, 'utf8');
      const { text: bare, error } = extractRegion(source, region);
      if (error) {
        problems.push(`${where}: ${error} in ${file}`);
        i = close;
        continue;
      }
      const text = withImports(source, bare, sourcePath, root);
      const block = lines.slice(i + 1, close).join('\n');
      if (block !== text) {
        if (write) {
          const replacement = text.split('\n');
          lines.splice(i + 1, close - i - 1, ...replacement);
          close = i + 1 + replacement.length;
          changed = true;
        } else {
          problems.push(`${where}: differs from the source, ${firstDifference(text, block)}`);
        }
      }
      i = close;
    }
    if (changed) writeFileSync(path, lines.join('\n'));
  }
  return { checked, problems };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--root');
  const root =
    at > 0 && process.argv[at + 1]
      ? resolve(process.argv[at + 1])
      : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const write = process.argv.includes('--write');
  const { checked, problems } = checkSnippets({ root, write });
  for (const problem of problems) console.error(problem);
  console.log(
    `${checked} snippet(s) ${write ? 'checked and updated' : 'checked'}, ${problems.length} problem(s).`,
  );
  process.exitCode = problems.length > 0 ? 1 : 0;
}
