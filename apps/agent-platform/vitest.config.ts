import { defineConfig } from 'vitest/config';

// Unit tests beside the code (src/**/*.test.ts); integration, load and restart tests under test/.
// Files run in parallel on the machine's two cores; tests within a file in sequence. The load
// tests (test/load.test.ts) run after the rest, alone (`pnpm test`): 200 CPU-bound sessions beside a
// real-CLI test starved it past its timeout on a two-core CI machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
