import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';
import { clientBehaviour } from './clientBehaviour.js';
import { createTestServer } from './fixtures/testServer.mjs';

async function listen(handler: lib.McpHttpHandler): Promise<{ http: Server; url: URL }> {
  const http = createServer((req, res) => void handler(req, res));
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return { http, url: new URL(`http://127.0.0.1:${port}/mcp`) };
}

async function stop(http: Server): Promise<void> {
  http.closeAllConnections();
  await new Promise<void>((resolve, reject) => http.close((e) => (e ? reject(e) : resolve())));
}

describe('createHttpHandler on node:http (127.0.0.1) with a real MCP client', () => {
  let handler: lib.McpHttpHandler;
  let http: Server;
  let url: URL;
  let client: Client;
  let transport: StreamableHTTPClientTransport;

  beforeAll(async () => {
    handler = lib.createHttpHandler(createTestServer(lib));
    ({ http, url } = await listen(handler));
    transport = new StreamableHTTPClientTransport(url);
    client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    await handler?.close();
    if (http) await stop(http);
  });

  test('initialize opens a session', () => {
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(handler.sessionCount).toBe(1);
    expect(client.getServerVersion()).toEqual({ name: 'test', version: '0.0.1' });
  });

  clientBehaviour(
    () => client,
    () => transport,
  );

  test('requests without a valid session are refused', async () => {
    const unknown = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': 'no-such-session',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(unknown.status).toBe(404);
    const noSession = await fetch(url, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(noSession.status).toBe(400);
    // A first POST that is not initialize leaves no session behind.
    const notInit = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(notInit.status).toBe(400);
    expect(handler.sessionCount).toBe(1);
  });

  test('a second client gets its own session; DELETE ends it', async () => {
    const other = new StreamableHTTPClientTransport(url);
    const second = new Client({ name: 'second', version: '1.0.0' });
    await second.connect(other);
    expect(other.sessionId).not.toBe(transport.sessionId);
    expect(handler.sessionCount).toBe(2);
    expect(await second.callTool({ name: 'add', arguments: { a: 1, b: 1 } })).toEqual({
      content: [{ type: 'text', text: '2' }],
    });
    await other.terminateSession();
    await second.close();
    expect(handler.sessionCount).toBe(1);
  });
});

describe('createHttpHandler: lifecycle', () => {
  test('idle sessions are closed after sessionIdleTimeoutMs', async () => {
    const handler = lib.createHttpHandler(createTestServer(lib), { sessionIdleTimeoutMs: 500 });
    const { http, url } = await listen(handler);
    const client = new Client({ name: 'idle', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(url));
      expect(handler.sessionCount).toBe(1);
      await expect.poll(() => handler.sessionCount, { timeout: 5000 }).toBe(0);
    } finally {
      await client.close();
      await handler.close();
      await stop(http);
    }
  });

  test('close() ends every session; later requests get 503', async () => {
    const handler = lib.createHttpHandler(createTestServer(lib));
    const { http, url } = await listen(handler);
    const client = new Client({ name: 'closing', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(url));
      expect(handler.sessionCount).toBe(1);
      await handler.close();
      await handler.close();
      expect(handler.sessionCount).toBe(0);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: '{}',
      });
      expect(response.status).toBe(503);
    } finally {
      await client.close();
      await stop(http);
    }
  });

  test('stateless mode: every request stands alone', async () => {
    const handler = lib.createHttpHandler(createTestServer(lib), { stateless: true });
    const { http, url } = await listen(handler);
    const transport = new StreamableHTTPClientTransport(url);
    const client = new Client({ name: 'stateless', version: '1.0.0' });
    try {
      await client.connect(transport);
      expect(transport.sessionId).toBeUndefined();
      expect((await client.listTools()).tools).toHaveLength(7);
      expect(await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } })).toEqual({
        content: [{ type: 'text', text: '42' }],
      });
      expect(handler.sessionCount).toBe(0);
    } finally {
      await client.close();
      await handler.close();
      await stop(http);
    }
  });
});

describe('handler.fetch (Web-standard Request/Response) with a real MCP client', () => {
  let handler: lib.McpHttpHandler;
  let client: Client;
  let transport: StreamableHTTPClientTransport;

  beforeAll(async () => {
    handler = lib.createHttpHandler(createTestServer(lib));
    transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
      fetch: (input, init) => handler.fetch(new Request(input, init)),
    });
    client = new Client({ name: 'fetch-test', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    await handler?.close();
  });

  clientBehaviour(
    () => client,
    () => transport,
  );
});

test('createHttpHandler and serveStdio refuse configs not made by createSdkMcpServer', async () => {
  const foreign = {
    type: 'sdk' as const,
    name: 'x',
    instance: { name: 'x', handleMessage: async () => undefined },
  };
  expect(() => lib.createHttpHandler(foreign)).toThrow(
    /createHttpHandler\(\) needs a server made by createSdkMcpServer\(\)/,
  );
  await expect(lib.serveStdio(foreign)).rejects.toThrow(/serveStdio\(\) needs a server/);
});
