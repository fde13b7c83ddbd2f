import type { Upstream } from './ProxySession.js';

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * A session's upstream: the tenant's own endpoint and key when its env names them, else the
 * operator's CLI env, else the platform's model API settings.
 */
export function resolveUpstream(
  platform: Upstream | undefined,
  ...layers: ReadonlyArray<Record<string, string | undefined> | undefined>
): Upstream {
  let upstream: Upstream = { baseUrl: platform?.baseUrl ?? DEFAULT_BASE_URL };
  if (platform?.apiKey) upstream.apiKey = platform.apiKey;
  if (platform?.authToken) upstream.authToken = platform.authToken;
  for (const env of layers) {
    if (!env) continue;
    const apiKey = env['ANTHROPIC_API_KEY'];
    const authToken = env['ANTHROPIC_AUTH_TOKEN'];
    if (apiKey || authToken) {
      upstream = { baseUrl: upstream.baseUrl };
      if (apiKey) upstream.apiKey = apiKey;
      if (authToken) upstream.authToken = authToken;
    }
    if (env['ANTHROPIC_BASE_URL']) upstream.baseUrl = env['ANTHROPIC_BASE_URL'];
  }
  return upstream;
}
