import { defineConfig } from 'vitest/config';

// Each test starts the real CLI (~1 s to boot): generous per-test bounds, files in parallel
// across the machine's two cores, tests within a file in sequence.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
  },
});
