import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClaudeAgentOptions } from '../../options/ClaudeAgentOptions.js';
import { buildEnv } from '../../transport/buildEnv.js';

/**
 * The `projects/` folder the CLI of this query writes to: its `CLAUDE_CONFIG_DIR` (from
 * `options.env` over `process.env`, as the child gets it), else `$HOME/.claude`. Resolved through
 * symlinks, as the CLI reports the paths it writes.
 */
export function cliProjectsDir(options: Pick<ClaudeAgentOptions, 'env'>): string {
  const env = buildEnv(options.env);
  const dir = join(env.CLAUDE_CONFIG_DIR ?? join(env.HOME ?? homedir(), '.claude'), 'projects');
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
