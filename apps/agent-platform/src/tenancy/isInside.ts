import { isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `candidate` is `root` or below it. Both must already be real paths. Compares with
 * `path.relative`, never a string prefix: `/workspaces/acme-evil` is not inside `/workspaces/acme`.
 */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  if (rel === '') return true;
  if (isAbsolute(rel)) return false; // another drive on Windows
  return rel !== '..' && !rel.startsWith(`..${sep}`);
}
