import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleMessage, parseSse } from '../../test/helpers/parseSse.js';
import { createModelServer } from './createModelServer.js';
import type { ModelServer } from './ModelServer.js';
import { ModelServerError } from './ModelServerError.js';
import type { ModelTurn } from './script.js';

const TOOLS = [{ name: 'Bash', description: 'Run a command', input_schema: { type: 'object' } }];

/** A main-turn request body like the CLI's (tools, streaming). */
function mainBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-opus-5-5',
    max_tokens: 128000,
    stream: true,
    system: [
      {
        type: 'text',
        text: 'x-anthropic-billing-header: cc_version=2.1.331.abc; cc_entrypoint=sdk-ts;',
      },
    ],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    tools: TOOLS,
    ...extra,
  };
}

const TITLE_BODY = {
  model: 'claude-opus-5-5',
  max_tokens: 128000,
  stream: true,
  tools: [],
  system: [{ type: 'text', text: 'You are naming a coding session so the user can pick it out.' }],
  messages: [{ role: 'user', content: 'What is the capital of France?' }],
  output_config: {
    effort: 'medium',
    format: {
      type: 'json_schema',
      schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
    },
  },
};

let servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(turns: ModelTurn[] = [], extra = {}): Promise<ModelServer> {
  const server = await createModelServer({ script: { turns }, ...extra });
  servers.push(server);
  return server;
}

function post(
  server: ModelServer,
  body: unknown,
  path = '/v1/messages?beta=true',
  signal?: AbortSignal,
) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-app': 'cli', 'X-Mixed-Case': 'yes' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
}

async function streamed(res: Response): Promise<Record<string, unknown>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return assembleMessage(parseSse(await res.text()));
}

describe('createModelServer: binding and lifecycle', () => {
  it('listens on 127.0.0.1 on a free port', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/api/hello`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('is not reachable on other interfaces', async () => {
    const server = await start();
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external === undefined) return; // no non-loopback interface on this machine
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const socket = connect({ host: external.address, port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });

  it('binds the requested port and reports a busy one', async () => {
    const first = await start();
    const port = first.port;
    await first.close();
    const second = await start([], { port });
    expect(second.port).toBe(port);
    await expect(createModelServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('close() is idempotent, ends open (stalled) connections and supports await using', async () => {
    let url: string;
    let pending: Promise<unknown>;
    {
      await using server = await createModelServer({
        script: [{ content: [{ type: 'text', text: 'never finished' }], stall: true }],
      });
      url = server.url;
      pending = post(server, mainBody())
        .then((res) => res.text())
        .catch((error: unknown) => error);
      await server.waitForStall();
    }
    const outcome = await pending;
    expect(outcome).toBeInstanceOf(Error);
    await expect(fetch(`${url}/api/hello`)).rejects.toThrow();

    const server = await start();
    await Promise.all([server.close(), server.close()]);
    await server.close();
  });

  it('rejects an invalid script up front', async () => {
    await expect(
      createModelServer({
        script: [{ content: [{ type: 'txt', text: 'x' }] } as unknown as ModelTurn],
      }),
    ).rejects.toSatisfy((e) => ModelServerError.is(e) && e.code === 'INVALID_SCRIPT');
  });
});

describe('createModelServer: answers', () => {
  it('streams a text turn the way the API does', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'Hello from the scripted model!' }] },
    ]);
    const res = await post(server, mainBody());
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const message = await streamed(res);
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-5-5',
      content: [{ type: 'text', text: 'Hello from the scripted model!' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 10, output_tokens: 5 },
    });
    expect(message['id']).toMatch(/^msg_/);
    const [request] = server.mainRequests();
    expect(request).toMatchObject({
      kind: 'main',
      turnIndex: 0,
      status: 200,
      outcome: 'completed',
      messageId: message['id'],
      requestId: res.headers.get('request-id'),
      path: '/v1/messages',
      url: '/v1/messages?beta=true',
      query: { beta: 'true' },
      model: 'claude-opus-5-5',
      stream: true,
    });
    expect(request?.headers['x-app']).toBe('cli');
    expect(request?.headers['x-mixed-case']).toBe('yes');
  });

  it('answers tool_use turns with generated or given ids and stop_reason tool_use', async () => {
    const server = await start([
      { content: [{ type: 'tool_use', name: 'Bash', input: { command: 'echo hi' } }] },
      {
        content: [
          { type: 'text', text: 'a' },
          { type: 'tool_use', id: 'toolu_fixed', name: 'Read', input: {} },
        ],
      },
    ]);
    const first = await streamed(await post(server, mainBody()));
    expect(first['stop_reason']).toBe('tool_use');
    expect(first['content']).toEqual([
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_/),
        name: 'Bash',
        input: { command: 'echo hi' },
      },
    ]);
    const second = await streamed(await post(server, mainBody()));
    expect((second['content'] as unknown[])[1]).toEqual({
      type: 'tool_use',
      id: 'toolu_fixed',
      name: 'Read',
      input: {},
    });
  });

  it('streams thinking blocks with their signature (a placeholder when none is given)', async () => {
    const server = await start([
      {
        content: [
          { type: 'thinking', thinking: 'Considering the question at length.', signature: 'sig-1' },
          { type: 'thinking', thinking: 'More.' },
          { type: 'text', text: 'Done.' },
        ],
      },
    ]);
    const message = await streamed(await post(server, mainBody()));
    expect(message['content']).toEqual([
      { type: 'thinking', thinking: 'Considering the question at length.', signature: 'sig-1' },
      { type: 'thinking', thinking: 'More.', signature: 'mock-signature' },
      { type: 'text', text: 'Done.' },
    ]);
  });

  it('honours stop_reason, usage, model and chunk_chars', async () => {
    const server = await start([
      {
        content: [{ type: 'text', text: 'abcdefghij' }],
        stop_reason: 'max_tokens',
        usage: { input_tokens: 100, output_tokens: 7, cache_read_input_tokens: 3 },
        model: 'claude-other',
        chunk_chars: 3,
      },
    ]);
    const events = parseSse(await (await post(server, mainBody())).text());
    const texts = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => (e.data as { delta: { text: string } }).delta.text);
    expect(texts).toEqual(['abc', 'def', 'ghi', 'j']);
    expect(assembleMessage(events)).toMatchObject({
      model: 'claude-other',
      stop_reason: 'max_tokens',
      usage: {
        input_tokens: 100,
        output_tokens: 7,
        cache_read_input_tokens: 3,
        cache_creation_input_tokens: 0,
      },
    });
  });

  it('answers non-streaming requests with a JSON message', async () => {
    const server = await start([{ content: [{ type: 'text', text: 'plain json' }] }]);
    const res = await post(server, mainBody({ stream: false }));
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({
      type: 'message',
      content: [{ type: 'text', text: 'plain json' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
    });
  });

  it('paces streams with delay_ms', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'slow text here' }], chunk_chars: 4, delay_ms: 5 },
    ]);
    expect((await streamed(await post(server, mainBody())))['content']).toEqual([
      { type: 'text', text: 'slow text here' },
    ]);
  });
});

describe('createModelServer: side requests, routes and errors', () => {
  it('answers side requests without consuming the script', async () => {
    const server = await start([{ content: [{ type: 'text', text: 'main answer' }] }], {
      sessionTitle: 'Capital of France',
    });
    const title = await streamed(await post(server, TITLE_BODY));
    expect(title['content']).toEqual([{ type: 'text', text: '{"title":"Capital of France"}' }]);

    const probe = await post(server, {
      model: 'claude-sonnet-4-5',
      max_tokens: 1,
      system: "You are Claude Code, Anthropic's official CLI for Claude.",
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(await probe.json()).toMatchObject({
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'OK' }],
    });

    const other = await streamed(await post(server, { ...mainBody(), tools: [] }));
    expect(other['content']).toEqual([{ type: 'text', text: 'OK' }]);

    expect(server.remaining).toBe(1);
    expect(server.requests.map((r) => [r.kind, r.side])).toEqual([
      ['side', 'title'],
      ['side', 'model_probe'],
      ['side', 'other'],
    ]);
    expect((await streamed(await post(server, mainBody())))['content']).toEqual([
      { type: 'text', text: 'main answer' },
    ]);
    expect(server.remaining).toBe(0);
    expect(server.consumed).toBe(1);
  });

  it('consumes the script for subagent requests and records them as subagent', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'from the subagent' }] },
      { content: [{ type: 'text', text: 'from main' }] },
    ]);
    const system = [
      {
        type: 'text',
        text: 'x-anthropic-billing-header: cc_version=2.1.331.abc; cc_is_subagent=true;',
      },
    ];
    expect((await streamed(await post(server, mainBody({ system }))))['content']).toEqual([
      { type: 'text', text: 'from the subagent' },
    ]);
    await post(server, mainBody()).then((r) => r.text());
    expect(server.requests.map((r) => [r.kind, r.turnIndex])).toEqual([
      ['subagent', 0],
      ['main', 1],
    ]);
    expect(server.mainRequests()).toHaveLength(1);
    expect(server.lastMainRequest()?.turnIndex).toBe(1);
    expect(server.requestsOfKind('subagent')).toHaveLength(1);
  });

  it('answers count_tokens, the probe and unknown routes', async () => {
    const server = await start([], { countTokens: 7 });
    const counted = await post(server, { messages: [] }, '/v1/messages/count_tokens?beta=true');
    expect(await counted.json()).toEqual({ input_tokens: 7 });
    expect((await fetch(`${server.url}/api/hello`)).status).toBe(200);
    const missing = await fetch(`${server.url}/v1/models`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: expect.stringContaining('GET /v1/models') },
    });
    expect(server.requests.map((r) => r.kind)).toEqual(['count_tokens', 'probe', 'unknown']);
    expect(server.errors).toEqual([]);
  });

  it('answers error turns with the status, the Anthropic error body and retry-after', async () => {
    const server = await start([
      { error: { status: 401 } },
      { error: { status: 429, retry_after: 0 } },
      { error: { status: 500 } },
      { error: { status: 529, message: 'Overloaded right now', headers: { 'x-extra': '1' } } },
      { error: { status: 400, type: 'invalid_request_error', message: 'prompt is too long' } },
    ]);
    const expected = [
      [401, 'authentication_error'],
      [429, 'rate_limit_error'],
      [500, 'api_error'],
      [529, 'overloaded_error'],
      [400, 'invalid_request_error'],
    ] as const;
    for (const [status, type] of expected) {
      const res = await post(server, mainBody());
      expect(res.status).toBe(status);
      const body = (await res.json()) as {
        type: string;
        error: { type: string; message: string };
        request_id: string;
      };
      expect(body.type).toBe('error');
      expect(body.error.type).toBe(type);
      expect(body.error.message.length).toBeGreaterThan(0);
      expect(body.request_id).toBe(res.headers.get('request-id'));
      if (status === 429) expect(res.headers.get('retry-after')).toBe('0');
      if (status === 529) {
        expect(body.error.message).toBe('Overloaded right now');
        expect(res.headers.get('x-extra')).toBe('1');
      }
    }
    expect(server.requests.map((r) => r.status)).toEqual([401, 429, 500, 529, 400]);
    expect(server.errors).toEqual([]);
  });

  it('answers an exhausted script with a non-retried 400 and records it', async () => {
    const server = await start([{ content: [{ type: 'text', text: 'only one' }] }]);
    await post(server, mainBody()).then((r) => r.text());
    const res = await post(server, mainBody());
    expect(res.status).toBe(400);
    expect(res.headers.get('x-should-retry')).toBe('false');
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toBe(
      'scripted model server: script exhausted after 1 turns (request #1, main). Add turns to the script or call server.push().',
    );
    expect(server.errors).toEqual([
      { code: 'script_exhausted', message: body.error.message, requestIndex: 1 },
    ]);
    expect(server.requests[1]?.error).toEqual(server.errors[0]);
    expect(server.requests[1]?.turnIndex).toBeUndefined();
  });

  it('answers a malformed body with 400 and records it', async () => {
    const server = await start([{ content: [{ type: 'text', text: 'unused' }] }]);
    const res = await post(server, '{"model": oops');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'malformed request body',
    );
    expect(server.errors[0]).toMatchObject({ code: 'malformed_request', requestIndex: 0 });
    expect(server.requests[0]).toMatchObject({
      kind: 'invalid',
      rawBody: '{"model": oops',
      body: undefined,
    });
    expect((await post(server, '[1,2]')).status).toBe(400);
    expect(server.remaining).toBe(1);
  });

  it('push() appends checked turns', async () => {
    const server = await start();
    expect(server.remaining).toBe(0);
    server.push({ content: [{ type: 'text', text: 'pushed' }] }, { error: { status: 529 } });
    expect(server.remaining).toBe(2);
    expect((await streamed(await post(server, mainBody())))['content']).toEqual([
      { type: 'text', text: 'pushed' },
    ]);
    expect((await post(server, mainBody())).status).toBe(529);
    expect(() => server.push({ content: 'x' } as unknown as ModelTurn)).toThrow(
      /turns\[2\]\.content/,
    );
  });
});

describe('createModelServer: waiting and stalling', () => {
  it('waitForRequest resolves for requests that already arrived and for later ones', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'one' }] },
      { content: [{ type: 'text', text: 'two' }] },
    ]);
    await post(server, mainBody()).then((r) => r.text());
    await expect(server.waitForRequest('main')).resolves.toMatchObject({ turnIndex: 0 });
    const second = server.waitForRequest('main', { count: 2 });
    const titled = server.waitForRequest((r) => r.side === 'title');
    await post(server, TITLE_BODY).then((r) => r.text());
    await post(server, mainBody()).then((r) => r.text());
    await expect(second).resolves.toMatchObject({ turnIndex: 1 });
    await expect(titled).resolves.toMatchObject({ kind: 'side' });
    await expect(server.waitForResponse('main', { count: 2 })).resolves.toMatchObject({
      outcome: 'completed',
    });
  });

  it('waitForRequest times out with a list of what did arrive', async () => {
    const server = await start();
    await fetch(`${server.url}/api/hello`, { method: 'HEAD' });
    const error = await server
      .waitForRequest('subagent', { timeoutMs: 20 })
      .catch((e: unknown) => e);
    expect(ModelServerError.is(error) && error.code).toBe('WAIT_TIMEOUT');
    expect((error as Error).message).toMatch(
      /Timed out after 20 ms waiting for a "subagent" request\. Requests received \(1\): #0 probe HEAD \/api\/hello → 200\. Turns left: 0\./,
    );
  });

  it('waits reject on abort and on close', async () => {
    const server = await start();
    const controller = new AbortController();
    const aborted = server.waitForRequest('main', { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toSatisfy((e) => ModelServerError.is(e) && e.code === 'ABORTED');
    const closed = server.waitForStall();
    await server.close();
    await expect(closed).rejects.toSatisfy((e) => ModelServerError.is(e) && e.code === 'CLOSED');
    await expect(server.waitForRequest('main')).rejects.toSatisfy(
      (e) => ModelServerError.is(e) && e.code === 'CLOSED',
    );
  });

  it('stalls part-way through a stream until release()', async () => {
    const server = await start([
      {
        content: [{ type: 'text', text: 'The first part, then the rest.' }],
        chunk_chars: 5,
        stall_after_chars: 10,
      },
    ]);
    const stalls: number[] = [];
    server.on('stall', (r) => stalls.push(r.index));
    const res = await post(server, mainBody());
    const stalled = await server.waitForStall();
    expect(stalled).toMatchObject({ index: 0, stalled: true, outcome: 'pending' });
    expect(stalls).toEqual([0]);

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    // 5-character chunks: "The f", "irst " reach 10 characters; "part," must not be sent yet.
    while (!seen.includes('"text":"irst "')) {
      const { value } = await reader.read();
      seen += decoder.decode(value, { stream: true });
    }
    expect(seen).not.toContain('part,');
    expect(seen).not.toContain('message_stop');
    expect(server.requests[0]?.outcome).toBe('pending');

    expect(server.release()).toBe(1);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
    }
    expect(assembleMessage(parseSse(seen))['content']).toEqual([
      { type: 'text', text: 'The first part, then the rest.' },
    ]);
    await expect(server.waitForResponse('main')).resolves.toMatchObject({ outcome: 'completed' });
    expect(server.release()).toBe(0);
  });

  it('ends a stall when the client disconnects, recording the response as aborted', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'interrupted answer' }], stall: true },
      { content: [{ type: 'text', text: 'next' }] },
    ]);
    const controller = new AbortController();
    const res = await post(server, mainBody(), undefined, controller.signal);
    await server.waitForStall({ match: 'main' });
    controller.abort();
    await expect(res.text()).rejects.toThrow();
    await expect(server.waitForResponse('main')).resolves.toMatchObject({
      outcome: 'aborted',
      stalled: true,
    });
    expect((await streamed(await post(server, mainBody())))['content']).toEqual([
      { type: 'text', text: 'next' },
    ]);
  });

  it('stalls non-streaming answers and error turns before the body', async () => {
    const server = await start([
      { content: [{ type: 'text', text: 'json later' }], stall: true },
      { error: { status: 529 }, stall: true },
    ]);
    const json = post(server, mainBody({ stream: false }));
    await server.waitForStall();
    server.release();
    expect(await (await json).json()).toMatchObject({
      content: [{ type: 'text', text: 'json later' }],
    });
    const error = post(server, mainBody());
    await server.waitForStall({ count: 2 });
    server.release();
    expect((await error).status).toBe(529);
  });

  it('on() returns an unsubscribe function', async () => {
    const server = await start();
    const seen: string[] = [];
    const off = server.on('request', (r) => seen.push(r.kind));
    await fetch(`${server.url}/api/hello`);
    off();
    await fetch(`${server.url}/api/hello`);
    expect(seen).toEqual(['probe']);
  });
});
