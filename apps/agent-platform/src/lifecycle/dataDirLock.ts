import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './orphans.js';

/**
 * `<dataDir>/platform.pid`: one server per data directory. A live holder (another process)
 * stops this start, since reaping its CLIs would cut its turns; a dead one is a crash to clean
 * up after. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'platform.pid');
  let holder: number | undefined;
  try {
    holder = Number((JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid);
  } catch {
    holder = undefined; // none, or unreadable: treat as free
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `Another platform process (pid ${holder}) uses ${dataDir}; stop it or set another PLATFORM_DATA_DIR.`,
    );
  }
  writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid === process.pid) {
        rmSync(file, { force: true });
      }
    } catch {
      // already gone
    }
  };
}
