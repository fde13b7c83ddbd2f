import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../test/FakeTransport.js';
import { ControlError } from '../errors/ControlError.js';
import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { SdkMcpServer } from '../mcp/SdkMcpServer.js';
import { ClaudeSDKClient } from '../query/ClaudeSDKClient.js';
import { query } from '../query/query.js';

type Msg = Record<string, unknown>;

const initializeCount = new WeakMap<FakeTransport, number>();

/** A CLI that answers initialize with some info, refuses `refuse_me`, ignores `never`, echoes the rest. */
function cli(message: Msg, fake: FakeTransport): void {
  if (message.type !== 'control_request') return;
  const request = message.request as Msg;
  const reply = (response: Msg): void =>
    fake.emit({
      type: 'control_response',
      response: { request_id: message.request_id, ...response },
    });
  if (request.subtype === 'never') return;
  if (request.subtype === 'mcp_toggle' && request.serverName === 'nope') {
    reply({ subtype: 'error', error: 'Server not found: nope', error_code: 'not_found' });
    return;
  }
  if (request.subtype === 'initialize') {
    initializeCount.set(fake, (initializeCount.get(fake) ?? 0) + 1);
    reply({
      subtype: 'success',
      response: {
        pid: initializeCount.get(fake),
        commands: [{ name: 'review', description: 'Review', argumentHint: '' }],
        agents: [{ name: 'helper', description: 'Helps' }],
        account: { email: 'a@b.c', apiKeySource: 'ANTHROPIC_API_KEY' },
        models: [{ value: 'sonnet' }],
      },
    });
    return;
  }
  if (request.subtype === 'background_tasks') {
    reply({ subtype: 'success', response: { backgrounded: false } });
    return;
  }
  reply({ subtype: 'success', response: { echo: request } });
}

async function client(): Promise<{ c: ClaudeSDKClient; fake: FakeTransport }> {
  const fake = new FakeTransport(cli);
  const c = new ClaudeSDKClient({}, fake);
  await c.connect();
  return { c, fake };
}

const echoed = (r: unknown): unknown => (r as { echo: unknown }).echo;
const lastRequest = (fake: FakeTransport): Msg => fake.written.at(-1)?.request as Msg;

describe('typed control methods', () => {
  it('read the initialize answer: commands, agents, account, models', async () => {
    const { c } = await client();
    expect(await c.supportedCommands()).toEqual([expect.objectContaining({ name: 'review' })]);
    expect(await c.supportedAgents()).toEqual([{ name: 'helper', description: 'Helps' }]);
    expect(await c.accountInfo()).toMatchObject({ email: 'a@b.c' });
    expect(await c.supportedModels()).toEqual([{ value: 'sonnet' }]);
    expect(await c.initializationResult()).toBe(await c.getServerInfo());
    await c.disconnect();
  });

  it('send each request with the CLI wire names', async () => {
    const { c, fake } = await client();
    const sent = async (call: Promise<unknown>): Promise<Msg> => {
      await call;
      return lastRequest(fake);
    };
    expect(await sent(c.reconnectMcpServer('db'))).toEqual({
      subtype: 'mcp_reconnect',
      serverName: 'db',
    });
    expect(await sent(c.toggleMcpServer('db', false))).toEqual({
      subtype: 'mcp_toggle',
      serverName: 'db',
      enabled: false,
    });
    expect(await sent(c.stopTask('t1'))).toEqual({ subtype: 'stop_task', task_id: 't1' });
    expect(await sent(c.seedReadState('/a', 5))).toEqual({
      subtype: 'seed_read_state',
      path: '/a',
      mtime: 5,
    });
    expect(await sent(c.readFile('/a', { maxBytes: 10, encoding: 'base64' }))).toEqual({
      subtype: 'read_file',
      path: '/a',
      max_bytes: 10,
      encoding: 'base64',
    });
    expect(await sent(c.rewindFiles('u1', { dryRun: true }))).toEqual({
      subtype: 'rewind_files',
      user_message_id: 'u1',
      dry_run: true,
    });
    expect(await sent(c.reloadPlugins({ refuseIfBusy: true }))).toEqual({
      subtype: 'reload_plugins',
      refuse_if_busy: true,
    });
    expect(await sent(c.reloadSkills())).toEqual({ subtype: 'reload_skills' });
    expect(await sent(c.reloadOutputStyles())).toEqual({ subtype: 'reload_output_styles' });
    expect(await sent(c.usage({ skipBehaviors: true }))).toEqual({
      subtype: 'get_usage',
      skip_behaviors: true,
    });
    expect(await sent(c.getContextUsage())).toEqual({ subtype: 'get_context_usage' });
    expect(await sent(c.getContextUsage({ detail: 'summary' }))).toEqual({
      subtype: 'get_context_usage',
      detail: 'summary',
    });
    expect(await sent(c.applyFlagSettings({ model: null }))).toEqual({
      subtype: 'apply_flag_settings',
      settings: { model: null },
    });
    expect(await sent(c.updateSettings('localSettings', { a: 1 }))).toEqual({
      subtype: 'update_settings',
      source: 'localSettings',
      settings: { a: 1 },
    });
    expect(await sent(c.setMcpPermissionModeOverride('db', 'auto'))).toEqual({
      subtype: 'set_mcp_permission_mode_override',
      serverName: 'db',
      mode: 'auto',
    });
    expect(echoed(await c.readMcpResource('db', 'file:///x'))).toEqual({
      subtype: 'mcp_read_resource',
      serverName: 'db',
      uri: 'file:///x',
    });
    expect(await c.backgroundTasks('toolu_1')).toBe(false);
    expect(lastRequest(fake)).toEqual({ subtype: 'background_tasks', tool_use_id: 'toolu_1' });
    await c.disconnect();
  });

  it('setMcpServers sends in-process servers by name and routes their messages here', async () => {
    const { c, fake } = await client();
    const server: SdkMcpServer = {
      name: 'calc',
      handleMessage: async (m) => ({ jsonrpc: '2.0', id: m.id ?? null, result: { ok: true } }),
    };
    await c.setMcpServers({
      calc: { type: 'sdk', name: 'calc', instance: server },
      web: { type: 'http', url: 'http://127.0.0.1:1/mcp' },
    });
    expect(lastRequest(fake)).toEqual({
      subtype: 'mcp_set_servers',
      servers: {
        calc: { type: 'sdk', name: 'calc' },
        web: { type: 'http', url: 'http://127.0.0.1:1/mcp' },
      },
    });
    fake.emit({
      type: 'control_request',
      request_id: 'cli-1',
      request: {
        subtype: 'mcp_message',
        server_name: 'calc',
        message: { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      },
    });
    const answer = await fake.waitForWrite(
      (m) => (m.response as Msg | undefined)?.request_id === 'cli-1',
    );
    expect(answer.response).toMatchObject({
      subtype: 'success',
      response: { mcp_response: { id: 3, result: { ok: true } } },
    });
    await c.disconnect();
  });

  it('throws InvalidArgumentError for bad input before sending anything', async () => {
    const { c, fake } = await client();
    const before = fake.written.length;
    await expect(c.stopTask('')).rejects.toThrow(InvalidArgumentError);
    await expect(c.toggleMcpServer('db', 'yes' as never)).rejects.toThrow(
      /`enabled` must be a boolean/,
    );
    await expect(c.seedReadState('/a', Number.NaN)).rejects.toThrow(InvalidArgumentError);
    await expect(c.updateSettings('global' as never, {})).rejects.toThrow(/localSettings/);
    await expect(c.setMcpPermissionModeOverride('db', 'yolo' as never)).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(c.streamInput('hi' as never)).rejects.toThrow(InvalidArgumentError);
    await expect(c.getContextUsage({ detail: 'brief' as never })).rejects.toThrow(
      /`detail` must be "summary" or "full"/,
    );
    expect(fake.written.length).toBe(before);
    await c.disconnect();
  });

  it('surfaces a refusal as ControlError and a silent CLI as ControlTimeoutError; abort works', async () => {
    const { c } = await client();
    const refused = await c.toggleMcpServer('nope', true).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ControlError);
    expect(refused).toMatchObject({ errorCode: 'not_found', subtype: 'mcp_toggle' });
    await expect(c.request('never', {}, { timeoutMs: 20 })).rejects.toThrow(ControlTimeoutError);
    const controller = new AbortController();
    const pending = c.request('never', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await c.disconnect();
  });

  it('reinitialize() sends the start-up initialize again and returns the fresh answer', async () => {
    const fake = new FakeTransport(cli);
    const c = new ClaudeSDKClient({ systemPrompt: 'Be brief.', agents: {} }, fake);
    await c.connect();
    const fresh = await c.reinitialize({ timeoutMs: 1000 });
    expect(fresh.pid).toBe(2);
    expect((await c.getServerInfo()).pid).toBe(1);
    const sent = fake.written
      .filter((m) => (m.request as Msg | undefined)?.subtype === 'initialize')
      .map((m) => m.request);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[1]).toMatchObject({ systemPrompt: ['Be brief.'] });
    const aborted = c.reinitialize({ signal: AbortSignal.abort() });
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
    await c.disconnect();
  });

  it('streamInput() writes more turns into a running query', async () => {
    const fake = new FakeTransport(cli);
    async function* first(): AsyncGenerator<string> {
      yield 'one';
      await new Promise(() => {}); // keep input open
    }
    const q = query({ prompt: first(), transport: fake });
    await q.getServerInfo();
    await fake.waitForWrite((m) => m.type === 'user');
    async function* more(): AsyncGenerator<string> {
      yield 'two';
      yield 'three';
    }
    await q.streamInput(more());
    const texts = fake.written
      .filter((m) => m.type === 'user')
      .map((m) => ((m.message as Msg).content as Array<{ text: string }>)[0]?.text);
    expect(texts).toEqual(['one', 'two', 'three']);
    await q.close();
  });
});

describe('readMcpResource on an in-process server', () => {
  /** Answers resources/read for `file:///a`, an MCP error for other URIs, never for `slow://`. */
  function docsServer(seen: { asked?: boolean; aborted: boolean }): SdkMcpServer {
    return {
      name: 'docs',
      handleMessage: async (m, context) => {
        if (m.method !== 'resources/read') return { jsonrpc: '2.0', id: m.id ?? null, result: {} };
        const { uri } = m.params as { uri: string };
        if (uri === 'throw://') throw new Error('disk on fire');
        if (uri === 'slow://') {
          seen.asked = true;
          return new Promise((resolve) =>
            context.signal.addEventListener('abort', () => {
              seen.aborted = true;
              resolve(undefined);
            }),
          );
        }
        if (uri !== 'file:///a') {
          return {
            jsonrpc: '2.0',
            id: m.id ?? null,
            error: { code: -32002, message: `Resource not found: ${uri}` },
          };
        }
        return {
          jsonrpc: '2.0',
          id: m.id ?? null,
          result: { contents: [{ uri, mimeType: 'text/plain', text: 'A' }] },
        };
      },
    };
  }

  it('is read here, not asked of the CLI; its errors and a timeout are typed', async () => {
    const seen = { aborted: false };
    const fake = new FakeTransport(cli);
    const c = new ClaudeSDKClient(
      { mcpServers: { docs: { type: 'sdk', name: 'docs', instance: docsServer(seen) } } },
      fake,
    );
    await c.connect();
    const before = fake.written.length;
    expect(await c.readMcpResource('docs', 'file:///a')).toEqual({
      contents: [{ uri: 'file:///a', mimeType: 'text/plain', text: 'A' }],
    });
    const missing = await c.readMcpResource('docs', 'file:///b').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ControlError);
    expect(missing).toMatchObject({ subtype: 'mcp_read_resource', errorCode: '-32002' });
    expect((missing as Error).message).toContain('Resource not found: file:///b');
    await expect(c.readMcpResource('docs', 'throw://')).rejects.toMatchObject({
      code: 'CONTROL_ERROR',
      message: expect.stringContaining('in-process server "docs" threw: disk on fire'),
    });
    const slow = await c.readMcpResource('docs', 'slow://', { timeoutMs: 50 }).catch((e) => e);
    expect(slow).toBeInstanceOf(ControlTimeoutError);
    expect(seen.aborted).toBe(true);
    expect(fake.written.slice(before)).toEqual([]);
    // Any other server is still the CLI's to read.
    expect(echoed(await c.readMcpResource('web', 'ui://x'))).toEqual({
      subtype: 'mcp_read_resource',
      serverName: 'web',
      uri: 'ui://x',
    });
    await c.disconnect();
  });

  it('reads a server added by setMcpServers, and aborts with the caller', async () => {
    const { c } = await client();
    const seen = { asked: false, aborted: false };
    await c.setMcpServers({ docs: { type: 'sdk', name: 'docs', instance: docsServer(seen) } });
    expect((await c.readMcpResource('docs', 'file:///a')).contents).toHaveLength(1);
    const controller = new AbortController();
    const pending = c.readMcpResource('docs', 'slow://', { signal: controller.signal });
    pending.catch(() => {});
    await expect.poll(() => seen.asked).toBe(true);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.aborted).toBe(true);
    await c.disconnect();
  });
});
