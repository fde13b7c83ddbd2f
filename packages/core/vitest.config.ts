import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Some tests start real subprocesses; CI runs packages in parallel on 2 cores.
    testTimeout: 30_000,
  },
});
