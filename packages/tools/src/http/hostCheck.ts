const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What `createHttpHandler()` checks against DNS rebinding. */
export interface HostCheckOptions {
  /**
   * Host header values to accept: hostnames (any port) or `host:port`. Default: the loopback names
   * (`localhost`, `127.0.0.1`, `[::1]`, any port) whenever the request arrived on a loopback
   * address. Set it when you serve on a public name.
   */
  allowedHosts?: readonly string[];
  /** Origin header values to accept (`https://app.example.com`). Default: origins on an allowed host. */
  allowedOrigins?: readonly string[];
  /** `false` turns Host/Origin validation off (behind a proxy that does it). Default `true`. */
  dnsRebindingProtection?: boolean;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * Why a request must be refused (HTTP 403), or `undefined`. `arrivedOnLoopback` turns the
 * default policy on: a server bound to 127.0.0.1 only ever answers requests addressed to it as
 * localhost, so a web page whose name resolves to 127.0.0.1 cannot drive it.
 */
export function hostCheck(
  host: string | undefined,
  origin: string | undefined,
  arrivedOnLoopback: boolean,
  options: HostCheckOptions,
): string | undefined {
  if (options.dnsRebindingProtection === false) return undefined;
  const allowed = options.allowedHosts;
  if (allowed === undefined && !arrivedOnLoopback) return undefined;
  const hostAllowed = (value: string): boolean => {
    const name = hostnameOf(value);
    if (allowed === undefined) return LOOPBACK_HOSTS.has(name);
    return allowed.includes(value) || allowed.includes(name);
  };
  if (host === undefined || !hostAllowed(host)) {
    return (
      `Host header ${JSON.stringify(host ?? '')} is not allowed (DNS rebinding protection). ` +
      `Allowed: ${allowed?.join(', ') ?? 'localhost, 127.0.0.1, [::1]'}; set allowedHosts to serve other names.`
    );
  }
  if (origin === undefined) return undefined;
  if (options.allowedOrigins !== undefined) {
    if (options.allowedOrigins.includes(origin)) return undefined;
  } else {
    try {
      if (hostAllowed(new URL(origin).host)) return undefined;
    } catch {
      // Falls through to the refusal.
    }
  }
  return `Origin ${JSON.stringify(origin)} is not allowed (DNS rebinding protection); set allowedOrigins to accept it.`;
}

function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  const colon = host.indexOf(':');
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}
