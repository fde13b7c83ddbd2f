import { configFromEnv } from './config/PlatformConfig.js';
import { startPlatform, type Platform } from './server.js';

// Handlers first: a signal during start-up (migrations, recovery, reaping) still shuts down
// cleanly once the platform is up, instead of killing the process halfway.
const run: { platform?: Platform; stopping?: NodeJS.Signals } = {};

function drain(platform: Platform, signal: NodeJS.Signals): void {
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
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (run.stopping) return;
    run.stopping = signal;
    if (run.platform) drain(run.platform, signal);
  });
}

run.platform = await startPlatform(configFromEnv());
if (run.stopping) drain(run.platform, run.stopping);
else {
  // One machine-readable line on stdout (tests and scripts wait for it); logs go to stderr.
  console.log(
    JSON.stringify({
      event: 'listening',
      url: run.platform.url,
      database: run.platform.repository.kind,
    }),
  );
}
