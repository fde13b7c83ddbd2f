import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TEXT = /\.(md|markdown|txt)$/i;
const SKIP = new Set(['node_modules', '.git']);
const MAX_FILES = 2000;
const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * Files of a skill folder: relative path (with `/`) → text for Markdown and text files up to 1 MiB,
 * `null` for other files. Skips `node_modules` and `.git`; stops after 2000 files.
 */
export async function readSkillFiles(directory: string): Promise<Map<string, string | null>> {
  const files = new Map<string, string | null>();
  const pending: string[] = [''];
  while (pending.length > 0 && files.size < MAX_FILES) {
    const relative = pending.pop() ?? '';
    let entries;
    try {
      entries = await readdir(join(directory, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (SKIP.has(entry.name)) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = join(directory, path);
      const info = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
      if (!info) continue;
      if (info.isDirectory()) pending.push(path);
      else if (info.isFile()) {
        let text: string | null = null;
        if (TEXT.test(entry.name)) {
          const size = (await stat(full).catch(() => undefined))?.size ?? Infinity;
          if (size <= MAX_TEXT_BYTES) text = await readFile(full, 'utf8').catch(() => null);
        }
        files.set(path, text);
      }
    }
  }
  return files;
}
