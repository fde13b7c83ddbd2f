import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the fake CLI (`dist/fakeCli/cli.js` of this package): a JavaScript file the
 * SDK runs with the current Node. Use it as `cliPath` with `env: { AGENTSDK_FIXTURE: path }`.
 * (Resolved from this module, two folders below the package root in `src/` and `dist/` alike.)
 */
export const fakeCliPath: string = fileURLToPath(
  new URL('../../dist/fakeCli/cli.js', import.meta.url),
);
