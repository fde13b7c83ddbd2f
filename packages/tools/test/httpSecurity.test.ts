import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { once } from 'node:events';
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
});

/** POST an initialize with exactly these headers (fetch would not let us forge Host). */
function post(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/mcp',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(INIT);
  });
}

const whoAmI = lib.tool('whoami', 'Who called', {}, (_args, context) =>
  context.authInfo ? `${context.authInfo.clientId} ${context.authInfo.scopes.join(',')}` : 'nobody',
);

describe('DNS rebinding protection is on by default for loopback binds', () => {
  let handler: lib.McpHttpHandler;
  let http: ReturnType<typeof createServer>;
  let port: number;

  beforeAll(async () => {
    handler = lib.createHttpHandler(lib.createSdkMcpServer({ name: 's', tools: [whoAmI] }));
    http = createServer((req, res) => void handler(req, res)).listen(0, '127.0.0.1');
    await once(http, 'listening');
    port = (http.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await handler.close();
    http.closeAllConnections();
    http.close();
  });

  test('a foreign Host or Origin gets 403; localhost names with any port pass', async () => {
    expect(await post(port, { host: 'evil.example.com' })).toBe(403);
    expect(await post(port, { host: `evil.example.com:${port}` })).toBe(403);
    expect(await post(port, { host: `localhost:${port}`, origin: 'http://evil.example.com' })).toBe(
      403,
    );
    expect(await post(port, { host: `localhost:${port}` })).toBe(200);
    expect(
      await post(port, { host: `127.0.0.1:${port}`, origin: `http://localhost:${port}` }),
    ).toBe(200);
    expect(await post(port, { host: `[::1]:${port}` })).toBe(200);
  });

  test('fetch route: loopback by default, allowedHosts for public names', async () => {
    const config = lib.createSdkMcpServer({ name: 's', tools: [whoAmI] });
    const strict = lib.createHttpHandler(config);
    const init = (url: string) =>
      new Request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: INIT,
      });
    expect((await strict.fetch(init('http://evil.example.com/mcp'))).status).toBe(403);
    const open = lib.createHttpHandler(config, { allowedHosts: ['mcp.example.com'] });
    expect((await open.fetch(init('https://mcp.example.com/mcp'))).status).toBe(200);
    expect((await open.fetch(init('http://localhost/mcp'))).status).toBe(403);
    await strict.close();
    await open.close();
  });
});

describe('bearer-token verification and protected-resource metadata', () => {
  const resource = 'http://127.0.0.1/mcp';
  const handler = lib.createHttpHandler(lib.createSdkMcpServer({ name: 's', tools: [whoAmI] }), {
    auth: {
      verifyToken: (token) =>
        token === 'good' ? { token, clientId: 'app', scopes: ['mcp:read'] } : undefined,
      requiredScopes: ['mcp:read'],
      resourceMetadata: { resource, authorizationServers: ['https://auth.example.com'] },
    },
  });
  afterAll(() => handler.close());

  test('no token or a bad one: 401 naming the metadata; the metadata document is served', async () => {
    const refused = await handler.fetch(new Request(resource, { method: 'POST', body: INIT }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="Missing bearer token", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource/mcp"',
    );
    const bad = await handler.fetch(
      new Request(resource, { method: 'POST', body: INIT, headers: { authorization: 'Bearer x' } }),
    );
    expect(bad.status).toBe(401);
    const metadata = await handler.fetch(
      new Request('http://127.0.0.1/.well-known/oauth-protected-resource/mcp'),
    );
    expect(await metadata.json()).toEqual({
      resource,
      authorization_servers: ['https://auth.example.com'],
      bearer_methods_supported: ['header'],
    });
  });

  test('a good token reaches the handler as context.authInfo', async () => {
    const client = new Client({ name: 'auth', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(resource), {
        fetch: (input, init) => handler.fetch(new Request(input, init)),
        requestInit: { headers: { authorization: 'Bearer good' } },
      }),
    );
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'app mcp:read' }]);
    await client.close();
  });
});

describe('InMemoryEventStore', () => {
  test('replays the events of one stream after the given id, skipping priming events', async () => {
    const store = new lib.InMemoryEventStore();
    const message = (id: number) => ({ jsonrpc: '2.0' as const, id, result: {} });
    const first = await store.storeEvent('a', {} as never);
    await store.storeEvent('a', message(1));
    await store.storeEvent('b', message(2));
    await store.storeEvent('a', message(3));
    const replayed: unknown[] = [];
    const stream = await store.replayEventsAfter(first, {
      send: async (_id, m) => void replayed.push(m),
    });
    expect(stream).toBe('a');
    expect(replayed).toEqual([message(1), message(3)]);
  });
});
