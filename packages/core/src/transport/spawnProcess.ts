import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * `child_process.spawn`, except on Windows: there npm installs the CLI as a `claude.cmd` shim,
 * which Node refuses to run without a shell, and cmd.exe has its own quoting rules; cross-spawn
 * handles both. Elsewhere it would only add modules to load, so it is required on Windows alone.
 */
export const spawnProcess: typeof spawn =
  process.platform === 'win32'
    ? (createRequire(import.meta.url)('cross-spawn') as { spawn: typeof spawn }).spawn
    : spawn;
