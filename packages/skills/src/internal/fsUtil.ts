import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type EntryKind = 'file' | 'directory' | 'missing';

/** What is at `path` (following symlinks). */
export async function kindOf(path: string): Promise<EntryKind> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Sub-folder names of `dir` (following symlinks), sorted; `[]` when it cannot be read. */
export async function subdirectories(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort())
    if ((await kindOf(join(dir, name))) === 'directory') out.push(name);
  return out;
}

/** `.md` files under `dir`, recursively (relative paths with `/`), sorted. */
export async function markdownFiles(dir: string, maxDepth = 4): Promise<string[]> {
  const out: string[] = [];
  const walk = async (relative: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(join(dir, relative));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = relative === '' ? name : `${relative}/${name}`;
      const kind = await kindOf(join(dir, path));
      if (kind === 'directory' && depth < maxDepth) await walk(path, depth + 1);
      else if (kind === 'file' && name.toLowerCase().endsWith('.md')) out.push(path);
    }
  };
  await walk('', 0);
  return out;
}

/** The file's text, or `undefined` when it cannot be read. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The name of the entry of `dir` that is `SKILL.md` in any letter case, if there is one. */
export async function skillFileIn(dir: string): Promise<string | undefined> {
  try {
    return (await readdir(dir)).find((n) => n.toLowerCase() === 'skill.md');
  } catch {
    return undefined;
  }
}
