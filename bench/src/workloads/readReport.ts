import { existsSync, readFileSync } from 'node:fs';

/** The fake CLI's own measurements for this run, or undefined when it wrote none. */
export function readReport<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
