import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Every CLI (and everything it starts: Bash, MCP servers) inherits this variable, set to a
 * digest of the data directory, so a restarted server can find what its predecessor left.
 */
export const OWNER_ENV = 'AGENTSDK_PLATFORM_OWNER';

export function ownerMarker(dataDir: string): string {
  return createHash('sha256').update(dataDir).digest('hex').slice(0, 24);
}

/** Pids (other than this process) whose environment carries `OWNER_ENV=<marker>`; Linux `/proc`. */
export function findOwned(marker: string): number[] {
  const needle = `${OWNER_ENV}=${marker}`;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return []; // no procfs (not Linux): nothing to find this way
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid || !isAlive(pid)) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (environ.split('\0').includes(needle)) found.push(pid);
    } catch {
      // gone, or another user's process (not ours to read, not ours to kill)
    }
  }
  return found;
}

/** Running or stopped, not a zombie (exited, waiting to be reaped by its parent). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/**
 * SIGKILL every process a previous server with this data directory left (its CLIs and their
 * children: without their server nobody reads their output, and they may still spend), and
 * wait until they are gone. Returns their pids.
 */
export async function reapOrphans(marker: string, timeoutMs = 5000): Promise<number[]> {
  const pids = findOwned(marker);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive) && Date.now() < deadline) await delay(20);
  const survivors = pids.filter(isAlive);
  if (survivors.length > 0) {
    throw new Error(
      `Processes of a previous platform run would not die (${survivors.join(', ')}); stop them, then start again.`,
    );
  }
  return pids;
}
