import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The export snapshot imports the built package.
    globalSetup: ['./test/globalSetup.ts'],
    // The differential and discovery tests start the real CLI (about a second each).
    testTimeout: 60_000,
  },
});
