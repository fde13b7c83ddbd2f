import { fileURLToPath } from 'node:url';

/** The fake CLI (plain JS, never compiled). Resolves the same from `src/` and `dist/`. */
export const FAKE_CLI = fileURLToPath(new URL('../src/fakeCli.mjs', import.meta.url));
/** The measuring process's entry, next to this file. */
export const CHILD_ENTRY = fileURLToPath(new URL('./child.js', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
