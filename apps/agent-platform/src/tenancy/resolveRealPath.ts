import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The real path of `target` (relative paths against `base`): symlinks and `..` resolved. For a
 * path that does not exist yet (a file about to be written), the deepest existing ancestor is
 * resolved and the rest appended, so a symlinked parent directory cannot smuggle a new file out.
 */
export function resolveRealPath(base: string, target: string): string {
  const absolute = resolve(base, target);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = realpathSync(current);
      return missing.length === 0 ? real : join(real, ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}
