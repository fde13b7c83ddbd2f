import type { JSONRPCMessage } from '@agentsdk/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createSdkMcpServer } from './createSdkMcpServer.js';
import { ToolDefinitionError } from './errors/ToolDefinitionError.js';
import { prompt } from './prompt/prompt.js';
import { tool } from './tool.js';

/** A promise with its resolver, to let a test decide when a handler finishes. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const add = tool(
  'add',
  'Add two numbers',
  { a: z.number(), b: z.number() },
  ({ a, b }) => `${a + b}`,
);

const live = () => ({ signal: new AbortController().signal });

/** Sends `tools/call` for `name` with `args` as request `id`, in a live session. */
const callTool = (
  instance: ReturnType<typeof createSdkMcpServer>['instance'],
  id: number,
  name: string,
  args: unknown,
) =>
  instance.handleMessage(
    { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } },
    live(),
  );

// The exact messages the CLI sent in docs/protocol.md §4.2 (c1), in order.
const CLI_INITIALIZE = JSON.parse(
  '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"claude-code","title":"Claude Code","description":"Anthropic\'s agentic coding tool","websiteUrl":"https://claude.com/claude-code","version":"2.1.331"}},"jsonrpc":"2.0","id":0}',
) as JSONRPCMessage;
const CLI_INITIALIZED = JSON.parse(
  '{"jsonrpc":"2.0","method":"notifications/initialized"}',
) as JSONRPCMessage;
const CLI_TOOLS_LIST = JSON.parse(
  '{"method":"tools/list","jsonrpc":"2.0","id":1}',
) as JSONRPCMessage;
const CLI_TOOLS_CALL = JSON.parse(
  '{"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3},"_meta":{"claudecode/toolUseId":"toolu_calc_1","progressToken":2}},"jsonrpc":"2.0","id":2}',
) as JSONRPCMessage;

describe('handleMessage with the CLI traffic of docs/protocol.md', () => {
  test('initialize → initialized → tools/list → tools/call', async () => {
    const calc = createSdkMcpServer({ name: 'calc', version: '1.0.0', tools: [add] });
    const { instance } = calc;
    expect(instance.name).toBe('calc');
    expect(instance.version).toBe('1.0.0');

    expect(await instance.handleMessage(CLI_INITIALIZE, live())).toEqual({
      jsonrpc: '2.0',
      id: 0,
      result: {
        protocolVersion: '2025-11-25',
        capabilities: { tools: { listChanged: true }, logging: {} },
        serverInfo: { name: 'calc', version: '1.0.0' },
      },
    });
    expect(await instance.handleMessage(CLI_INITIALIZED, live())).toBeUndefined();
    expect(await instance.handleMessage(CLI_TOOLS_LIST, live())).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        tools: [
          {
            name: 'add',
            description: 'Add two numbers',
            inputSchema: {
              type: 'object',
              properties: { a: { type: 'number' }, b: { type: 'number' } },
              required: ['a', 'b'],
            },
          },
        ],
      },
    });
    // docs/protocol.md: {"mcp_response":{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"5"}]}}}
    expect(await instance.handleMessage(CLI_TOOLS_CALL, live())).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: '5' }] },
    });
  });

  test('an older protocol version is echoed; an unknown one gets the latest', async () => {
    const { instance } = createSdkMcpServer({ name: 'calc', tools: [add] });
    const init = (protocolVersion: string) =>
      instance.handleMessage(
        {
          jsonrpc: '2.0',
          id: 0,
          method: 'initialize',
          params: { protocolVersion, capabilities: {}, clientInfo: { name: 'c', version: '1' } },
        },
        live(),
      );
    expect((await init('2025-06-18'))?.result).toMatchObject({ protocolVersion: '2025-06-18' });
    expect((await init('1999-01-01'))?.result).toMatchObject({ protocolVersion: '2025-11-25' });
  });

  test('tools/call with manifests: no initialize first (c2)', async () => {
    const { instance } = createSdkMcpServer({ name: 'calc', tools: [add] });
    expect(await instance.handleMessage(CLI_TOOLS_CALL, live())).toMatchObject({
      id: 2,
      result: { content: [{ type: 'text', text: '5' }] },
    });
  });

  test('ping', async () => {
    const { instance } = createSdkMcpServer({ name: 'calc', tools: [add] });
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: 'p', method: 'ping' }, live()),
    ).toEqual({
      jsonrpc: '2.0',
      id: 'p',
      result: {},
    });
  });

  test('bad input is a result the model reads, not a protocol error', async () => {
    const { instance } = createSdkMcpServer({ name: 'calc', tools: [add] });
    const response = await callTool(instance, 3, 'add', { a: 'two' });
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: {
        isError: true,
        content: [
          {
            type: 'text',
            text:
              'Invalid arguments for tool "add":\n' +
              '- a: Invalid input: expected number, received string\n' +
              '- b: Invalid input: expected number, received undefined',
          },
        ],
      },
    });
  });

  test('format schemas (z.int(), z.email()) are checked: a plain-looking value is refused', async () => {
    const seen: unknown[] = [];
    const pick = tool('pick', 'd', { n: z.int(), to: z.email() }, (args) => {
      seen.push(args);
      return 'ok';
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [pick] });
    const bad = await callTool(instance, 5, 'pick', { n: 1.5, to: 'nobody' });
    expect(bad).toMatchObject({ id: 5, result: { isError: true } });
    expect(JSON.stringify(bad)).toContain('- n:');
    expect(JSON.stringify(bad)).toContain('- to:');
    expect(await callTool(instance, 6, 'pick', { n: 2, to: 'a@b.co' })).toMatchObject({
      result: { content: [{ type: 'text', text: 'ok' }] },
    });
    expect(seen).toEqual([{ n: 2, to: 'a@b.co' }]);
  });

  test('protocol errors: unknown tool, unknown method, malformed messages', async () => {
    const { instance } = createSdkMcpServer({ name: 'calc', tools: [add] });
    expect(await callTool(instance, 4, 'nope', {})).toEqual({
      jsonrpc: '2.0',
      id: 4,
      error: { code: -32602, message: 'Unknown tool "nope". Server "calc" has: add.' },
    });
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: 5, method: 'resources/list' }, live()),
    ).toEqual({ jsonrpc: '2.0', id: 5, error: { code: -32601, message: 'Method not found' } });
    expect(
      await instance.handleMessage({ jsonrpc: '1.0' as '2.0', id: 6, method: 'ping' }, live()),
    ).toMatchObject({ id: 6, error: { code: -32600 } });
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: null, method: 'ping' }, live()),
    ).toMatchObject({ id: null, error: { code: -32600 } });
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: 7, method: 'ping', params: [1] }, live()),
    ).toMatchObject({ id: 7, error: { code: -32600 } });
    expect(await instance.handleMessage(null as never, live())).toMatchObject({
      id: null,
      error: { code: -32600 },
    });
    // A response from the client (to a request we never send) is ignored.
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: 8, result: {} }, live()),
    ).toBeUndefined();
  });
});

/** A `slow` tool whose call `n` waits for `gates.get(n)`; `call(id)` sends tools/call with `n: id`. */
function gatedCalls() {
  const gates = new Map([1, 2, 3].map((n) => [n, gate()]));
  const started: number[] = [];
  const slow = tool('slow', 'd', { n: z.number() }, async ({ n }) => {
    started.push(n);
    await gates.get(n)?.promise;
    return `done ${n}`;
  });
  const { instance } = createSdkMcpServer({ name: 's', tools: [slow] });
  const call = (id: number) => callTool(instance, id, 'slow', { n: id });
  return { gates, started, instance, call };
}

describe('concurrency and cancellation', () => {
  test('concurrent tools/calls run in parallel and each gets its own response', async () => {
    const { gates, started, call } = gatedCalls();
    const responses = [call(1), call(2), call(3)];
    await expect.poll(() => started.length).toBe(3);
    gates.get(3)?.open();
    expect(await responses[2]).toMatchObject({ id: 3, result: { content: [{ text: 'done 3' }] } });
    gates.get(1)?.open();
    gates.get(2)?.open();
    expect(await responses[0]).toMatchObject({ id: 1, result: { content: [{ text: 'done 1' }] } });
    expect(await responses[1]).toMatchObject({ id: 2, result: { content: [{ text: 'done 2' }] } });
  });

  test('two sessions may use the same ids at once (ids are per session)', async () => {
    const g = gate();
    const echo = tool('echo', 'd', { s: z.string() }, async ({ s }) => {
      await g.promise;
      return s;
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [echo] });
    const call = (s: string) => callTool(instance, 2, 'echo', { s });
    const a = call('session A');
    const b = call('session B');
    g.open();
    expect(await a).toMatchObject({ id: 2, result: { content: [{ text: 'session A' }] } });
    expect(await b).toMatchObject({ id: 2, result: { content: [{ text: 'session B' }] } });
  });

  test('an async answer reaches the response on every way out of the runner', async () => {
    // A thenable that calls back at once (before the fast call waits), a rejection, and an
    // async handler whose value cannot be rendered (the error path is itself asynchronous).
    const now = tool(
      'now',
      'd',
      {},
      () =>
        ({
          then: (resolve: (value: string) => void) => resolve('at once'),
        }) as unknown as Promise<string>,
    );
    const rejects = tool('rejects', 'd', {}, async () => {
      throw new Error('handler failed');
    });
    const cyclic = tool('cyclic', 'd', {}, async () => {
      const value: Record<string, unknown> = {};
      value.self = value;
      return value as never;
    });
    const { instance } = createSdkMcpServer({
      name: 's',
      tools: [now, rejects, cyclic],
      onError: () => 'reported',
    });
    const call = (name: string, id: number) =>
      instance.handleMessage(
        { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: {} } },
        live(),
      );
    expect(await call('now', 1)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: 'at once' }] },
    });
    expect(await call('rejects', 2)).toMatchObject({
      id: 2,
      result: { isError: true, content: [{ text: 'reported' }] },
    });
    expect(await call('cyclic', 3)).toMatchObject({
      id: 3,
      result: { isError: true, content: [{ text: 'reported' }] },
    });
  });

  function abortable() {
    const started = gate();
    const aborted = gate<unknown>();
    const t = tool('wait', 'Waits until cancelled', {}, (_args, { signal }) => {
      started.open();
      return new Promise<string>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted.open(signal.reason);
          reject(new Error('aborted'));
        });
      });
    });
    return { t, started, aborted };
  }

  test('notifications/cancelled aborts the handler signal; the request gets no response', async () => {
    const { t, started, aborted } = abortable();
    const { instance } = createSdkMcpServer({ name: 's', tools: [t] });
    const response = callTool(instance, 9, 'wait', {});
    await started.promise;
    expect(
      await instance.handleMessage(
        {
          jsonrpc: '2.0',
          method: 'notifications/cancelled',
          params: { requestId: 9, reason: 'user interrupted' },
        },
        live(),
      ),
    ).toBeUndefined();
    expect(await aborted.promise).toBe('user interrupted');
    expect(await response).toBeUndefined();
  });

  test('the context signal (control_cancel_request, session end) aborts the handler', async () => {
    const { t, started, aborted } = abortable();
    const { instance } = createSdkMcpServer({ name: 's', tools: [t] });
    const controller = new AbortController();
    const response = instance.handleMessage(
      { jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'wait', arguments: {} } },
      { signal: controller.signal },
    );
    await started.promise;
    controller.abort(new Error('session closed'));
    expect(await aborted.promise).toBe('session closed');
    expect(await response).toBeUndefined();
    // The server keeps serving.
    expect(
      await instance.handleMessage({ jsonrpc: '2.0', id: 11, method: 'ping' }, live()),
    ).toEqual({
      jsonrpc: '2.0',
      id: 11,
      result: {},
    });
  });

  test('cancelling one of several calls in flight answers the others', async () => {
    const { gates, started, instance, call } = gatedCalls();
    const responses = [call(1), call(2), call(3)];
    await expect.poll(() => started.length).toBe(3);
    await instance.handleMessage(
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } },
      live(),
    );
    expect(await responses[0]).toBeUndefined();
    for (const g of gates.values()) g.open();
    expect(await responses[1]).toMatchObject({ id: 2, result: { content: [{ text: 'done 2' }] } });
    expect(await responses[2]).toMatchObject({ id: 3, result: { content: [{ text: 'done 3' }] } });
  });

  test('a validator that throws answers with a JSON-RPC internal error, never silence', async () => {
    const buggy = tool(
      'buggy',
      'd',
      {
        s: z.string().refine(() => {
          throw new Error('refinement bug');
        }),
      },
      ({ s }) => s,
    );
    const { instance } = createSdkMcpServer({ name: 's', tools: [buggy] });
    const response = await callTool(instance, 14, 'buggy', { s: 'x' });
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 14,
      error: { code: -32603, message: 'refinement bug' },
    });
  });

  test('a synchronous handler in a session already closed gets no response', async () => {
    let sawAborted: boolean | undefined;
    const sync = tool('sync', 'd', {}, (_args, { signal }) => {
      sawAborted = signal.aborted;
      return 'late';
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [sync] });
    const controller = new AbortController();
    controller.abort(new Error('session closed'));
    const response = await instance.handleMessage(
      { jsonrpc: '2.0', id: 13, method: 'tools/call', params: { name: 'sync', arguments: {} } },
      { signal: controller.signal },
    );
    expect(sawAborted).toBe(true);
    expect(response).toBeUndefined();
  });

  test('progress and log notifications go to the context sendNotification', async () => {
    const step = tool('steps', 'd', { n: z.number() }, async ({ n }, context) => {
      for (let i = 1; i <= n; i++) await context.reportProgress({ progress: i, total: n });
      await context.log('info', 'finished');
      return 'ok';
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [step] });
    const notifications: JSONRPCMessage[] = [];
    const response = await instance.handleMessage(
      {
        jsonrpc: '2.0',
        id: 12,
        method: 'tools/call',
        params: { name: 'steps', arguments: { n: 2 }, _meta: { progressToken: 'tok' } },
      },
      { signal: new AbortController().signal, sendNotification: (n) => void notifications.push(n) },
    );
    expect(response).toMatchObject({ id: 12, result: { content: [{ text: 'ok' }] } });
    expect(notifications).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 1, total: 2 },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 2, total: 2 },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', logger: 'steps', data: 'finished' },
      },
    ]);
  });
});

describe('server definition', () => {
  test('duplicate tool names fail loudly', () => {
    let error: unknown;
    try {
      createSdkMcpServer({ name: 'calc', tools: [add, add] });
    } catch (e) {
      error = e;
    }
    expect(ToolDefinitionError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'DUPLICATE_TOOL_NAME' });
    expect((error as Error).message).toBe(
      'Server "calc" has two tools named "add" (tools[1] repeats it). Tool names must be unique within a server; rename one of them.',
    );
  });

  test('invalid server names and foreign tools fail loudly', () => {
    expect(() => createSdkMcpServer({ name: 'my server' })).toThrow(
      /Invalid MCP server name "my server"/,
    );
    expect(() => createSdkMcpServer({ name: 'x', tools: [{ name: 'fake' } as never] })).toThrow(
      /tools\[0\] is not a tool made by tool\(\)/,
    );
  });

  test('serves a tool made by another copy of the package (a duplicated install)', async () => {
    // What another copy's tool() returns: the same shape and marker, its runner not known here.
    const foreign = Object.freeze(
      Object.defineProperty({ ...add }, Symbol.for('agentsdk.tools.definition'), { value: true }),
    );
    const calc = createSdkMcpServer({ name: 'calc', tools: [foreign] });
    await calc.instance.handleMessage(CLI_INITIALIZE, live());
    expect(await callTool(calc.instance, 7, 'add', { a: 2, b: 3 })).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: { content: [{ type: 'text', text: '5' }] },
    });
  });

  test('config shape and typed tool names', () => {
    const div = tool('divide', 'd', { a: z.number() }, () => 'x');
    const calc = createSdkMcpServer({ name: 'calc', tools: [add, div] });
    expect(calc).toMatchObject({ type: 'sdk', name: 'calc', version: '1.0.0', tools: [add, div] });
    expect(calc.toolNames()).toEqual(['mcp__calc__add', 'mcp__calc__divide']);
    expect(calc.toolNames('math')).toEqual(['mcp__math__add', 'mcp__math__divide']);
  });
});

describe('in process: run-time changes and client requests', () => {
  test('list_changed reaches every initialized session through its notification channel', async () => {
    const config = createSdkMcpServer({ name: 's', tools: [add] });
    const sessions: JSONRPCMessage[][] = [[], []];
    for (const received of sessions) {
      await config.instance.handleMessage(CLI_INITIALIZE, {
        ...live(),
        sendNotification: (n) => void received.push(n),
      });
    }
    config.addTool(tool('later', 'd', {}, () => 'ok'));
    await expect
      .poll(() => sessions.map((s) => s.map((n) => n.method)))
      .toEqual([['notifications/tools/list_changed'], ['notifications/tools/list_changed']]);
    const list = await config.instance.handleMessage(
      { jsonrpc: '2.0', id: 5, method: 'tools/list' },
      live(),
    );
    expect((list?.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual([
      'add',
      'later',
    ]);
    expect(config.tools.map((t) => t.name)).toEqual(['add', 'later']);
  });

  test('a client without the capability gets a typed error the model reads', async () => {
    const asks = tool('asks', 'd', {}, async (_args, context) => {
      const answer = await context.elicit('Name?', { name: z.string() });
      return answer.action;
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [asks] });
    await instance.handleMessage(CLI_INITIALIZE, live());
    const response = await callTool(instance, 6, 'asks', {});
    expect(response?.result).toEqual({
      content: [
        {
          type: 'text',
          text:
            'Tool "asks" failed: Tool "asks" sent elicitation/create, but the client did not declare the "elicitation" capability. ' +
            'Check context.clientCapabilities first and fall back when it is missing.',
        },
      ],
      isError: true,
    });
  });
});

describe('in process: server-to-client requests travel on the session channel', () => {
  const ROOTS_INITIALIZE = {
    ...CLI_INITIALIZE,
    params: { ...(CLI_INITIALIZE.params as object), capabilities: { roots: {}, elicitation: {} } },
  } as JSONRPCMessage;

  /** A client that answers each server-to-client request through handleMessage, as the CLI does. */
  function session(
    instance: ReturnType<typeof createSdkMcpServer>['instance'],
    answer: (request: JSONRPCMessage) => JSONRPCMessage,
  ) {
    const asked: JSONRPCMessage[] = [];
    return {
      asked,
      context: () => ({
        ...live(),
        sendNotification: (message: JSONRPCMessage) => {
          if (message.method === undefined || message.id === undefined) return;
          asked.push(message);
          // Later, in its own mcp_message: the CLI's answer is a separate control request.
          setImmediate(() => void instance.handleMessage(answer(message), live()));
        },
      }),
    };
  }

  const roots = (request: JSONRPCMessage): JSONRPCMessage => ({
    jsonrpc: '2.0',
    id: request.id!,
    result: { roots: [{ uri: 'file:///work', name: 'work' }] },
  });

  test('a tool (the fast path) gets the answer to roots/list', async () => {
    const where = tool('where', 'd', {}, async (_args, context) =>
      (await context.listRoots()).map((r) => r.uri).join(','),
    );
    const { instance } = createSdkMcpServer({ name: 's', tools: [where] });
    const client = session(instance, roots);
    await instance.handleMessage(ROOTS_INITIALIZE, client.context());
    const response = await instance.handleMessage(
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'where', arguments: {} } },
      client.context(),
    );
    expect(client.asked).toMatchObject([{ method: 'roots/list' }]);
    expect(response?.result).toEqual({ content: [{ type: 'text', text: 'file:///work' }] });
  });

  test('a prompt (through the MCP SDK) gets the answer to roots/list', async () => {
    const here = prompt('here', 'd', {}, async (_args, context) =>
      (await context.listRoots()).map((r) => r.name).join(','),
    );
    const { instance } = createSdkMcpServer({ name: 's', prompts: [here] });
    const client = session(instance, roots);
    await instance.handleMessage(ROOTS_INITIALIZE, client.context());
    const response = await instance.handleMessage(
      { jsonrpc: '2.0', id: 8, method: 'prompts/get', params: { name: 'here' } },
      client.context(),
    );
    expect(client.asked).toMatchObject([{ method: 'roots/list' }]);
    expect(response?.result).toMatchObject({
      messages: [{ role: 'user', content: { type: 'text', text: 'work' } }],
    });
  });

  test("the client's error answer (CLI 2.1.331: -32601) reaches the handler, which reports it", async () => {
    const asks = tool('asks', 'd', {}, async (_args, context) => {
      const answer = await context.elicit('Name?', { name: z.string() });
      return answer.action;
    });
    const { instance } = createSdkMcpServer({ name: 's', tools: [asks] });
    const client = session(instance, (request) => ({
      jsonrpc: '2.0',
      id: request.id!,
      error: { code: -32601, message: 'Method not found' },
    }));
    await instance.handleMessage(ROOTS_INITIALIZE, client.context());
    const response = await instance.handleMessage(
      { jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'asks', arguments: {} } },
      client.context(),
    );
    expect(client.asked).toMatchObject([{ method: 'elicitation/create' }]);
    expect(response?.result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: expect.stringContaining('Method not found') }],
    });
  });

  test('with no session channel, the request fails at once instead of waiting', async () => {
    const where = tool(
      'where',
      'd',
      {},
      async (_args, context) => `${(await context.listRoots()).length}`,
    );
    const { instance } = createSdkMcpServer({ name: 's', tools: [where] });
    await instance.handleMessage(ROOTS_INITIALIZE, live());
    const response = await callTool(instance, 10, 'where', {});
    expect(response?.result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: expect.stringContaining('No client session') }],
    });
  });
});
