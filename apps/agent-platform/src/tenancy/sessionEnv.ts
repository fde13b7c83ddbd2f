/** Server-side secrets that must never reach an agent's process (its Bash could print them). */
export function isServerSecret(key: string): boolean {
  return key.startsWith('PLATFORM_') || key === 'DATABASE_URL' || /^PG[A-Z]+$/.test(key);
}

/**
 * The env of one session's CLI: the server's env minus its secrets (set to `undefined`, which
 * core's `env` merge removes), the platform's CLI env, the tenant's env, and a private
 * HOME/TMPDIR per user, which nothing can override.
 */
export function sessionEnv(options: {
  serverEnv: NodeJS.ProcessEnv;
  cliEnv: Record<string, string | undefined>;
  tenantEnv: Record<string, string> | undefined;
  home: string;
  tmp: string;
}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const key of Object.keys(options.serverEnv)) if (isServerSecret(key)) env[key] = undefined;
  Object.assign(env, options.cliEnv);
  for (const [key, value] of Object.entries(options.tenantEnv ?? {})) {
    if (!isServerSecret(key)) env[key] = value;
  }
  env['HOME'] = options.home;
  env['TMPDIR'] = options.tmp;
  return env;
}
