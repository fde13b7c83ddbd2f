import { configFromEnv } from './config.js';
import { startPlatform } from './server.js';

const platform = await startPlatform(configFromEnv());
// One machine-readable line on stdout (tests and scripts wait for it); logs go to stderr.
console.log(
  JSON.stringify({ event: 'listening', url: platform.url, database: platform.repository.kind }),
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`[platform] ${signal}: draining`);
    platform.close().then(
      () => {
        console.error('[platform] stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('[platform] shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
