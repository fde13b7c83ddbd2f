import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests run the built bins as child processes (and, once, npm install): seconds, not ms.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
