import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Placeholder → value, replaced in file contents and paths. */
export type Substitutions = Record<string, string>;

// npm drops .gitignore from published packages, so templates ship it as _gitignore; a nested
// package.json would read as part of ours (publint flags its exports), so it ships as _package.json.
const RENAMES: Record<string, string> = {
  _gitignore: '.gitignore',
  '_package.json': 'package.json',
};

/**
 * Copy a template folder to `target`, replacing each placeholder in every file and path.
 * In `.json` files, values are JSON-escaped. Returns the written files, relative, sorted.
 */
export async function copyTemplate(
  source: string,
  target: string,
  substitutions: Substitutions,
): Promise<string[]> {
  const written: string[] = [];
  for (const file of await listFiles(source)) {
    const rel = relative(source, file);
    const parts = rel.split(/[\\/]/).map((part) => RENAMES[part] ?? fill(part, substitutions));
    const out = join(target, ...parts);
    const text = await readFile(file, 'utf8');
    const json = file.endsWith('.json');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, fill(text, substitutions, json));
    written.push(parts.join('/'));
  }
  return written.sort();
}

function fill(text: string, substitutions: Substitutions, json = false): string {
  let out = text;
  // Longest placeholders first, so __DESCRIPTION_JSON__ is not eaten by __DESCRIPTION__.
  for (const key of Object.keys(substitutions).sort((a, b) => b.length - a.length)) {
    const value = substitutions[key] ?? '';
    out = out.split(key).join(json ? JSON.stringify(value).slice(1, -1) : value);
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
