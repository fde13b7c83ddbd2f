import { defineConfig } from 'vitest/config';

// Unit tests beside the code (src/**/*.test.ts); integration, load and restart tests under test/.
// Files run in parallel on the machine's two cores; tests within a file in sequence.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
