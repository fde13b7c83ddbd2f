import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The fake CLI runs as a child process from dist/: build it when src/ is newer.
    globalSetup: ['./test/globalSetup.ts'],
  },
});
