import { SDK_VERSION } from '../version.js';

/**
 * The child's environment: the caller's env merged over `process.env` (a key set to `undefined`
 * removes it), minus variables that would confuse a nested CLI, plus what marks an SDK session.
 */
export function buildEnv(
  overrides: Record<string, string | undefined> | undefined,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
  // A CLI started from inside Claude Code would think it is nested; NODE_OPTIONS breaks the binary's
  // bundled runtime; DEBUG floods stderr unless asked for.
  delete env.CLAUDECODE;
  delete env.NODE_OPTIONS;
  if (!env.DEBUG_CLAUDE_AGENT_SDK) delete env.DEBUG;
  env.CLAUDE_CODE_ENTRYPOINT = 'sdk-ts';
  env.AGENTSDK_VERSION = SDK_VERSION;
  // Turns on system/session_state_changed, which tells when the session is really idle.
  env.CLAUDE_CODE_SDK_READS_SESSION_STATE = '1';
  env.BUN_ENABLE_CRASH_REPORTING = '0';
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
