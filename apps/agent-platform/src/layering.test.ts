import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders of `src/`, bottom first. A module may import from its own folder and from folders
 * below it, never from one above: shared types live at the bottom (`domain/`), the process
 * wiring at the top (`server.ts`, `main.ts`).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['domain'],
  ['store', 'reliability', 'observability', 'proxy', 'sandbox', 'cluster'],
  ['audit', 'webhooks'],
  ['config'],
  ['limits', 'tenancy'],
  ['auth'],
  ['sessions', 'lifecycle'],
  ['http'],
  ['.'],
];

const src = dirname(fileURLToPath(import.meta.url));
const rank = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));
const folderOf = (file: string): string => relative(src, dirname(file)).split('/')[0] || '.';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering of src/', () => {
  const files = sources(src);

  it('puts every folder in a layer', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((folder) => rank(folder) < 0);
    expect(unknown).toEqual([]);
  });

  it('never imports from a higher folder', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = folderOf(join(dirname(file), spec!));
        if (rank(to) > rank(from)) upward.push(`${relative(src, file)} → ${spec}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
