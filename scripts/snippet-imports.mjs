// The import lines a docs snippet needs, taken from the type-checked file it is cut from: a region
// inside a function still shows where `query`, `tool` or `z` come from. Imports of a package's own
// `src/index` (examples inside a package) are shown as the package name users import.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const MAX_LINE = 100;

/** `{ local, spec, module, typeOnly, kind }` for every name the file imports, in source order. */
function importedNames(sourceFile) {
  const names = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const module = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    const declTypeOnly = clause.isTypeOnly;
    if (clause.name)
      names.push({
        local: clause.name.text,
        spec: clause.name.text,
        module,
        declTypeOnly,
        kind: 'default',
      });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings))
      names.push({
        local: bindings.name.text,
        spec: bindings.name.text,
        module,
        declTypeOnly,
        kind: 'namespace',
      });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = element.propertyName?.text;
        const spec = `${element.isTypeOnly ? 'type ' : ''}${imported ? `${imported} as ` : ''}${element.name.text}`;
        names.push({ local: element.name.text, spec, module, declTypeOnly, kind: 'named' });
      }
    }
  }
  return names;
}

/** Names the code refers to: identifiers that are not property names or object keys. */
function referencedNames(sourceFile) {
  const used = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node);
      if (!isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return used;
}

/** `'../src/index.js'` in packages/tools/examples → `'@agentsdk/tools'`; anything else as written. */
export function publicSpecifier(module, sourcePath, root) {
  if (!module.startsWith('.')) return module;
  const target = resolve(dirname(sourcePath), module).replace(/\.(js|ts)$/, '');
  const parts = relative(root, target).split(sep);
  if (parts.length === 4 && parts[0] === 'packages' && parts[2] === 'src' && parts[3] === 'index') {
    const manifest = join(root, 'packages', parts[1], 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).name;
  }
  return module;
}

function importLine(group, module) {
  const first = group[0];
  const typeOnly = first.declTypeOnly ? 'type ' : '';
  const head = group
    .filter((n) => n.kind !== 'named')
    .map((n) => (n.kind === 'namespace' ? `* as ${n.spec}` : n.spec));
  const named = group.filter((n) => n.kind === 'named').map((n) => n.spec);
  const oneLine = [...head, ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : [])].join(', ');
  const line = `import ${typeOnly}${oneLine} from '${module}';`;
  if (line.length <= MAX_LINE || named.length === 0) return line;
  const lead = head.length > 0 ? `${head.join(', ')}, ` : '';
  return `import ${typeOnly}${lead}{\n${named.map((n) => `  ${n},`).join('\n')}\n} from '${module}';`;
}

/** Rewrite the module specifiers of the import lines in `code` to the public ones. */
export function publicImports(code, sourcePath, root) {
  return code.replace(
    /^((?:import|export)\b[^;]*?\bfrom\s+)'([^']+)'/gm,
    (_all, lead, module) => `${lead}'${publicSpecifier(module, sourcePath, root)}'`,
  );
}

/**
 * The snippet as the docs show it: the import lines of `source` that `region` needs and does not
 * import itself, then the region, with package-internal import paths made public.
 */
export function withImports(source, region, sourcePath, root) {
  const sourceFile = ts.createSourceFile(sourcePath, source, ts.ScriptTarget.Latest, true);
  const regionFile = ts.createSourceFile('region.ts', region, ts.ScriptTarget.Latest, true);
  const importedHere = new Set(importedNames(regionFile).map((n) => n.local));
  const used = referencedNames(regionFile);
  const needed = importedNames(sourceFile).filter(
    (n) => used.has(n.local) && !importedHere.has(n.local),
  );
  const groups = new Map();
  for (const name of needed) {
    const key = `${name.declTypeOnly ? 'type ' : ''}${name.module}`;
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  const header = [...groups.values()]
    .map((group) => importLine(group, publicSpecifier(group[0].module, sourcePath, root)))
    .join('\n');
  const body = publicImports(region, sourcePath, root);
  if (header === '') return body;
  return `${header}\n${/^import\b/.test(body) ? '' : '\n'}${body}`;
}
