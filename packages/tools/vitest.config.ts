import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The stdio integration test spawns a server script that imports the built package.
    globalSetup: ['./test/globalSetup.ts'],
    testTimeout: 20_000,
  },
});
