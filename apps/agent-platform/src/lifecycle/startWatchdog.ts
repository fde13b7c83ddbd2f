import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Watchdog {
  /** End it (after the server stopped its CLIs itself); resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * A small process that kills the server's CLIs when the server dies (`watchdog.ts`). It holds
 * the read end of a pipe whose write end only this process has: the kernel closes it on any
 * exit, so the watchdog needs no polling and no signal from us.
 */
export async function startWatchdog(marker: string): Promise<Watchdog> {
  const script = fileURLToPath(new URL('./watchdog.ts', import.meta.url));
  // tsx from this package, whatever the server's working directory.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, script, marker], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // Its own process group: a Ctrl-C meant for the server does not end it first.
    detached: true,
  });
  child.stdin.on('error', () => undefined);
  const exited = once(child, 'exit').then(() => undefined);
  await once(child, 'spawn');
  // A spawned process is not yet a listening one (tsx takes seconds on a loaded machine): a
  // server that died, or a stop() that came, before then would leave its CLIs running.
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void exited.then(() =>
      reject(
        new Error(`The platform watchdog exited before it was ready (code ${child.exitCode}).`),
      ),
    );
  });
  child.stdout.destroy();
  child.unref();
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.stdin.end();
      // It reaps (nothing, after a clean shutdown; reapOrphans gives up after 5 s) and exits;
      // one that cannot is not waited on.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
