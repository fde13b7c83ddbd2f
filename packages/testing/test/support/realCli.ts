import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';

/**
 * The real CLI the e2e package installs, found the way users' code finds it: its npm bin is a
 * placeholder when the postinstall did not run (this repository skips it), so not `.bin/claude`.
 * `undefined` (tests skip) when it is not installed.
 */
export function findRealCli(): string | undefined {
  try {
    return discoverCli({ cwd: fileURLToPath(new URL('../../../../e2e', import.meta.url)) }).path;
  } catch {
    return undefined;
  }
}
