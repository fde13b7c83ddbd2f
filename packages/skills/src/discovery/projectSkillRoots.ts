import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The `.claude/skills` folders Claude Code reads for the `project` source, nearest first: from
 * `cwd` upwards, through the git root (a folder with `.git`) at most, never reaching the home folder.
 */
export function projectSkillRoots(cwd: string, homeDir: string): string[] {
  const home = resolve(homeDir);
  const out: string[] = [];
  for (let dir = resolve(cwd); ;) {
    if (dir === home) break;
    out.push(join(dir, '.claude', 'skills'));
    if (existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}
