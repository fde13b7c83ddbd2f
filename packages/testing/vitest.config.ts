import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The fake CLI runs as a child process from dist/: build it when src/ is newer.
    globalSetup: ['./test/globalSetup.ts'],
    // Several tests start the real CLI or the fake one; CI runs packages in parallel on 2 cores.
    testTimeout: 30_000,
  },
});
