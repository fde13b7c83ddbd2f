/** Variables of the server's own env a CLI may inherit: locale and the search path, nothing else. */
const INHERITED = ['PATH', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ'] as const;

/**
 * Credentials and endpoints only the model proxy holds: set in the operator's or a tenant's env,
 * they configure the proxy's upstream and never reach a CLI.
 */
export function isCredential(key: string): boolean {
  return (
    /^ANTHROPIC_/.test(key) ||
    key === 'CLAUDE_CODE_OAUTH_TOKEN' ||
    /^AWS_/.test(key) ||
    /^GOOGLE_/.test(key) ||
    /^AZURE_/.test(key)
  );
}

/** Server-side settings that must never reach an agent's process (its Bash could print them). */
export function isServerSecret(key: string): boolean {
  return (
    key.startsWith('PLATFORM_') ||
    key === 'DATABASE_URL' ||
    key === 'REDIS_URL' ||
    /^PG[A-Z]+$/.test(key)
  );
}

/**
 * The whole env of one session's CLI, from an allow list: locale and PATH from the server, the
 * operator's `cliEnv` and the tenant's env (minus credentials and server settings), the model
 * proxy's address and the session's stand-in key, and a private HOME/TMPDIR that nothing can
 * override. Anything added to the server's env later reaches no CLI.
 */
export function sessionEnv(options: {
  serverEnv: NodeJS.ProcessEnv;
  cliEnv: Record<string, string | undefined>;
  tenantEnv: Record<string, string> | undefined;
  home: string;
  tmp: string;
  modelBaseUrl: string;
  sessionKey: string;
  egressProxyUrl?: string | undefined;
}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = options.serverEnv[key];
    if (value !== undefined) env[key] = value;
  }
  for (const source of [options.cliEnv, options.tenantEnv ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined || isCredential(key) || isServerSecret(key)) continue;
      env[key] = value;
    }
  }
  Object.assign(env, {
    HOME: options.home,
    TMPDIR: options.tmp,
    ANTHROPIC_BASE_URL: options.modelBaseUrl,
    ANTHROPIC_API_KEY: options.sessionKey,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
  });
  if (options.egressProxyUrl) {
    env['HTTPS_PROXY'] = env['HTTP_PROXY'] = options.egressProxyUrl;
    env['https_proxy'] = env['http_proxy'] = options.egressProxyUrl;
    // The CLI's own model requests go straight to the model bridge, not through egress.
    const modelHost = new URL(options.modelBaseUrl).hostname;
    env['NO_PROXY'] = env['no_proxy'] = modelHost;
  } else {
    for (const key of [
      'HTTPS_PROXY',
      'HTTP_PROXY',
      'https_proxy',
      'http_proxy',
      'NO_PROXY',
      'no_proxy',
    ])
      delete env[key];
  }
  return env;
}
