import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

export type { AuthInfo };

/** Bearer-token protection of an HTTP MCP endpoint (MCP authorization, RFC 9728 metadata). */
export interface HttpAuthOptions {
  /**
   * Check a bearer token before any MCP message is handled. Return who it belongs to, or
   * `undefined` (or throw) to refuse it with 401. The result reaches handlers as `context.authInfo`.
   */
  verifyToken(
    token: string,
    request: Request,
  ): AuthInfo | undefined | Promise<AuthInfo | undefined>;
  /** Scopes every request needs; a token without them gets 403 `insufficient_scope`. */
  requiredScopes?: readonly string[];
  /**
   * OAuth 2.0 Protected Resource Metadata (RFC 9728), served at
   * `/.well-known/oauth-protected-resource<path of resource>` and named in every 401.
   */
  resourceMetadata: {
    /** This MCP server's canonical URL, e.g. `https://mcp.example.com/mcp`. */
    resource: string;
    /** Authorization servers that issue tokens for it. */
    authorizationServers: readonly string[];
    scopesSupported?: readonly string[];
    resourceName?: string;
    resourceDocumentation?: string;
  };
}

export type AuthOutcome =
  | { ok: true; authInfo: AuthInfo }
  | { ok: false; status: number; headers: Record<string, string>; body: unknown };

/** The URL of the metadata document for `resource` (RFC 9728 §3.1: the resource path is appended). */
export function metadataUrl(resource: string): URL {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname;
  return new URL(`/.well-known/oauth-protected-resource${path}`, url.origin);
}

/** The metadata document, when `pathname` asks for it. */
export function metadataDocument(options: HttpAuthOptions, pathname: string): unknown {
  if (pathname !== metadataUrl(options.resourceMetadata.resource).pathname) return undefined;
  const m = options.resourceMetadata;
  return {
    resource: m.resource,
    authorization_servers: m.authorizationServers,
    bearer_methods_supported: ['header'],
    ...(m.scopesSupported !== undefined && { scopes_supported: m.scopesSupported }),
    ...(m.resourceName !== undefined && { resource_name: m.resourceName }),
    ...(m.resourceDocumentation !== undefined && {
      resource_documentation: m.resourceDocumentation,
    }),
  };
}

export async function authenticate(
  options: HttpAuthOptions,
  authorization: string | undefined,
  request: Request,
): Promise<AuthOutcome> {
  const refuse = (status: number, error: string, description: string): AuthOutcome => ({
    ok: false,
    status,
    headers: {
      'www-authenticate': `Bearer error="${error}", error_description="${description}", resource_metadata="${metadataUrl(options.resourceMetadata.resource).href}"`,
    },
    body: { error, error_description: description },
  });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return refuse(401, 'invalid_token', 'Missing bearer token');
  let authInfo: AuthInfo | undefined;
  try {
    authInfo = await options.verifyToken(match[1]!, request);
  } catch {
    authInfo = undefined;
  }
  if (!authInfo) return refuse(401, 'invalid_token', 'Invalid or expired token');
  if (authInfo.expiresAt !== undefined && authInfo.expiresAt * 1000 < Date.now()) {
    return refuse(401, 'invalid_token', 'Token has expired');
  }
  const missing = (options.requiredScopes ?? []).filter((s) => !authInfo.scopes.includes(s));
  if (missing.length > 0) {
    return refuse(403, 'insufficient_scope', `Missing scopes: ${missing.join(' ')}`);
  }
  return { ok: true, authInfo };
}
