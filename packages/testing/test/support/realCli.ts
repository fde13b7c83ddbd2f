import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';

/**
 * The pinned CLI that `e2e/` installs, or undefined when it is not installed. Found as the SDK
 * finds it: in the workspace the npm package's `bin/claude.exe` stays a placeholder (its
 * postinstall is not run), so this is the native binary of the platform package.
 */
export const realCliPath: string | undefined = (() => {
  try {
    const e2e = fileURLToPath(new URL('../../../../e2e/', import.meta.url));
    return discoverCli({ searchFrom: [e2e], env: {} }).path;
  } catch {
    return undefined;
  }
})();
