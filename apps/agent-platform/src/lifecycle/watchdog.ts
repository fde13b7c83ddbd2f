/**
 * Run by `startWatchdog` as a separate process: waits for its stdin to close, which happens
 * when the server exits in any way (a SIGKILL included), then kills every process carrying the
 * server's mark, so no CLI outlives its server, sandboxed or not.
 */
import { reapOrphans } from './orphans.js';

const marker = process.argv[2];
if (!marker) {
  console.error('usage: watchdog <marker>');
  process.exit(2);
}
process.stdin.resume();
process.stdin.on('error', () => undefined);
process.stdin.once('close', () => {
  reapOrphans(marker).then(
    (pids) => {
      if (pids.length > 0) {
        console.error(`[platform watchdog] the server is gone; stopped ${pids.length} process(es)`);
      }
      process.exit(0);
    },
    (error: unknown) => {
      console.error('[platform watchdog]', error);
      process.exit(1);
    },
  );
});
// Only now is the server guarded: `startWatchdog` waits for this line.
process.stdout.write('ready\n');
