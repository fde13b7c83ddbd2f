import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { findOwned, isAlive, OWNER_ENV, ownerMarker, reapOrphans } from './orphans.js';
import { startWatchdog } from './startWatchdog.js';

/** A process carrying the mark, as a CLI (or its Bash) would; `sleep` stands in for it. */
async function marked(marker: string) {
  const child = spawn('sleep', ['600'], {
    env: { ...process.env, [OWNER_ENV]: marker },
    stdio: 'ignore',
  });
  await once(child, 'spawn');
  const exited = once(child, 'exit');
  return { pid: child.pid!, exited };
}

describe('orphan processes', () => {
  it('finds and kills every process with the mark, and no other', async () => {
    const marker = ownerMarker(`/test/${process.pid}/${Date.now()}`);
    const a = await marked(marker);
    const b = await marked(marker);
    const other = await marked(ownerMarker('/another/data/dir'));
    expect(findOwned(marker).sort()).toEqual([a.pid, b.pid].sort());
    expect((await reapOrphans(marker)).sort()).toEqual([a.pid, b.pid].sort());
    await Promise.all([a.exited, b.exited]);
    expect(isAlive(other.pid)).toBe(true);
    process.kill(other.pid, 'SIGKILL');
    await other.exited;
    expect(findOwned(marker)).toEqual([]);
  });

  it('the watchdog kills the marked processes when its server goes away', async () => {
    const marker = ownerMarker(`/test/${process.pid}/${Date.now()}/watchdog`);
    const cli = await marked(marker);
    const watchdog = await startWatchdog(marker);
    expect(isAlive(cli.pid)).toBe(true);
    // Closing the pipe is what the kernel does when the server dies, however it dies.
    await watchdog.stop();
    await cli.exited;
    expect(isAlive(cli.pid)).toBe(false);
  });
});
