import type { SandboxProvider } from './SandboxProvider.js';

/**
 * No OS boundary: the CLI runs as the server's user and sees what it sees. Only for local
 * development on machines without bubblewrap; the platform logs a warning on every start.
 */
export function unsafeNoSandbox(): SandboxProvider {
  return {
    name: 'unsafe-none',
    isolates: false,
    async check() {},
    wrap: (_spec, command, args) => ({ command, args: [...args] }),
    modelBaseUrl: (_spec, hostProxyUrl) => hostProxyUrl,
    egressProxyUrl: (_spec, hostEgressUrl) => hostEgressUrl,
  };
}
