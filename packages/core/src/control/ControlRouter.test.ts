import { describe, expect, it, vi } from 'vitest';
import { AbortError } from '../errors/AbortError.js';
import { ControlError } from '../errors/ControlError.js';
import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import { WRITTEN } from '../transport/written.js';
import { ControlRouter } from './ControlRouter.js';

type Written = {
  type: string;
  request_id?: string;
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
};

function setup(timeoutMs = 60_000) {
  const written: Written[] = [];
  let notify: (() => void) | undefined;
  const router = new ControlRouter(async (m) => {
    written.push(m as Written);
    notify?.();
  }, timeoutMs);
  const nextWrite = (): Promise<Written> =>
    new Promise((resolve) => {
      const n = written.length;
      notify = () => {
        if (written.length > n) resolve(written[n] as Written);
      };
    });
  return { router, written, nextWrite };
}

describe('ControlRouter outbound', () => {
  it('correlates responses by request_id and returns response.response', async () => {
    const { router, written } = setup();
    const a = router.request('set_model', { model: 'm' });
    const b = router.request('mcp_status');
    expect(written.map((w) => w.request?.subtype)).toEqual(['set_model', 'mcp_status']);
    expect(written[0]?.request).toEqual({ subtype: 'set_model', model: 'm' });
    router.route({
      type: 'control_response',
      response: {
        subtype: 'success',
        request_id: written[1]?.request_id,
        response: { mcpServers: [] },
      },
    });
    router.route({
      type: 'control_response',
      response: { subtype: 'success', request_id: written[0]?.request_id },
    });
    expect(await b).toEqual({ mcpServers: [] });
    expect(await a).toEqual({}); // set_max_thinking_tokens-style answers have no response key
    expect(router.pendingCount).toBe(0);
  });

  it('rejects with a typed ControlError carrying the CLI error_code', async () => {
    const { router, written } = setup();
    const p = router.request('set_permission_mode', { mode: 'nope' });
    router.route({
      type: 'control_response',
      response: {
        subtype: 'error',
        request_id: written[0]?.request_id,
        error: 'Cannot set permission mode',
        error_code: 'invalid_mode',
      },
    });
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlError);
    expect((error as ControlError).errorCode).toBe('invalid_mode');
    expect((error as ControlError).code).toBe('CONTROL_ERROR');
  });

  it('times out, aborts, and fails all pending at once', async () => {
    const { router } = setup(5);
    await expect(router.request('interrupt')).rejects.toBeInstanceOf(ControlTimeoutError);

    const { router: r2 } = setup();
    const controller = new AbortController();
    const aborted = r2.request('interrupt', {}, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);

    const { router: r3 } = setup();
    const p1 = r3.request('a');
    const p2 = r3.request('b');
    r3.fail(new Error('process exited'));
    await expect(p1).rejects.toThrow('process exited');
    await expect(p2).rejects.toThrow('process exited');
    await expect(r3.request('c')).rejects.toThrow('process exited');
  });

  it('ignores responses for unknown ids and id-less responses', () => {
    const { router } = setup();
    expect(
      router.route({
        type: 'control_response',
        response: { subtype: 'success', request_id: 'never' },
      }),
    ).toBe(true);
    expect(
      router.route({ type: 'control_response', response: { subtype: 'success', response: {} } }),
    ).toBe(true);
    expect(router.route({ type: 'assistant' })).toBe(false);
  });
});

describe('ControlRouter inbound', () => {
  it('answers an unknown subtype with an error response, never silence', async () => {
    const { router, nextWrite } = setup();
    const reply = nextWrite();
    router.route({
      type: 'control_request',
      request_id: 'cli-1',
      request: { subtype: 'brand_new_thing' },
    });
    expect(await reply).toEqual({
      type: 'control_response',
      response: {
        subtype: 'error',
        request_id: 'cli-1',
        error: 'Unsupported control request subtype: brand_new_thing',
      },
    });
  });

  it('runs handlers concurrently and answers each by id', async () => {
    const { router, written } = setup();
    const release: Array<() => void> = [];
    router.on('mcp_message', async (request) => {
      await new Promise<void>((r) => release.push(r));
      return { echo: (request as unknown as { n: unknown }).n };
    });
    router.route({
      type: 'control_request',
      request_id: 'x1',
      request: { subtype: 'mcp_message', n: 1 },
    });
    router.route({
      type: 'control_request',
      request_id: 'x2',
      request: { subtype: 'mcp_message', n: 2 },
    });
    await Promise.resolve();
    expect(router.inboundCount).toBe(2);
    release[1]?.();
    release[0]?.();
    await new Promise((r) => setImmediate(r));
    expect(
      written.map((w) => [w.response?.request_id, (w.response?.response as { echo: number }).echo]),
    ).toEqual([
      ['x2', 2],
      ['x1', 1],
    ]);
  });

  it('aborts the handler signal on control_cancel_request and writes no response', async () => {
    const { router, written } = setup();
    let signal: AbortSignal | undefined;
    let finish: (() => void) | undefined;
    router.on('can_use_tool', async (_req, ctx) => {
      signal = ctx.signal;
      await new Promise<void>((r) => (finish = r));
      return { behavior: 'allow' };
    });
    router.route({
      type: 'control_request',
      request_id: 'perm-1',
      request: { subtype: 'can_use_tool' },
    });
    await Promise.resolve();
    router.route({ type: 'control_cancel_request', request_id: 'perm-1' });
    expect(signal?.aborted).toBe(true);
    finish?.();
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual([]);
  });

  it('turns a throwing handler into an error response and reports it', async () => {
    const errors: unknown[] = [];
    const written: Written[] = [];
    const router = new ControlRouter(
      async (m) => void written.push(m as Written),
      1000,
      (_s, e) => errors.push(e),
    );
    router.on('hook_callback', () => {
      throw new Error('hook exploded');
    });
    router.route({
      type: 'control_request',
      request_id: 'h1',
      request: { subtype: 'hook_callback' },
    });
    await new Promise((r) => setImmediate(r));
    expect(written[0]?.response).toEqual({
      subtype: 'error',
      request_id: 'h1',
      error: 'hook exploded',
    });
    expect(errors).toHaveLength(1);
  });

  it('answers a handler that returns at once in the same tick, and counts nothing in flight', () => {
    const { router, written } = setup();
    router.on('mcp_message', () => ({ mcp_response: { jsonrpc: '2.0', id: 1, result: {} } }));
    router.route({
      type: 'control_request',
      request_id: 'm1',
      request: { subtype: 'mcp_message' },
    });
    expect(written[0]?.response).toEqual({
      subtype: 'success',
      request_id: 'm1',
      response: { mcp_response: { jsonrpc: '2.0', id: 1, result: {} } },
    });
    expect(router.inboundCount).toBe(0);
  });

  it('answers with an error when the answer cannot be serialised, so the CLI never waits', () => {
    const errors: unknown[] = [];
    const written: Written[] = [];
    const router = new ControlRouter(
      (m) => {
        JSON.stringify(m); // as the subprocess transport does, synchronously
        written.push(m as Written);
        return Promise.resolve();
      },
      1000,
      (_s, e) => errors.push(e),
    );
    router.on('hook_callback', () => ({ big: 1n }));
    router.route({
      type: 'control_request',
      request_id: 'h2',
      request: { subtype: 'hook_callback' },
    });
    expect(written).toEqual([
      {
        type: 'control_response',
        response: { subtype: 'error', request_id: 'h2', error: expect.stringMatching(/BigInt/) },
      },
    ]);
    expect(errors).toHaveLength(1);
  });

  it('cancels every in-flight request with the cancelled id and keeps the others', async () => {
    const { router, written } = setup();
    const signals: AbortSignal[] = [];
    const finishers: (() => void)[] = [];
    router.on('can_use_tool', async (_req, ctx) => {
      signals.push(ctx.signal);
      await new Promise<void>((r) => finishers.push(r));
      return { behavior: 'allow' };
    });
    for (const id of ['a', 'b', 'c']) {
      router.route({
        type: 'control_request',
        request_id: id,
        request: { subtype: 'can_use_tool' },
      });
    }
    expect(router.inboundCount).toBe(3);
    router.route({ type: 'control_cancel_request', request_id: 'a' });
    expect(signals.map((s) => s.aborted)).toEqual([true, false, false]);
    expect(router.inboundCount).toBe(2);
    for (const finish of finishers) finish();
    await new Promise((r) => setImmediate(r));
    expect(written.map((w) => w.response?.request_id).sort()).toEqual(['b', 'c']);
    expect(router.inboundCount).toBe(0);
  });
});

describe('ControlRouter answer writes', () => {
  it('guards a failed answer write and skips the guard for WRITTEN', async () => {
    const failed = Promise.reject(new Error('stdin closed'));
    const guardFailed = vi.spyOn(failed, 'catch');
    const guardWritten = vi.spyOn(WRITTEN, 'catch');
    try {
      const writes = [failed, WRITTEN];
      const router = new ControlRouter(() => writes.shift() as Promise<void>, 60_000);
      router.on('mcp_message', () => ({ mcp_response: { jsonrpc: '2.0', id: 1, result: {} } }));
      for (const id of ['a', 'b']) {
        router.route({
          type: 'control_request',
          request_id: id,
          request: { subtype: 'mcp_message' },
        });
      }
      expect(writes).toHaveLength(0);
      expect(guardFailed).toHaveBeenCalledTimes(1);
      expect(guardWritten).not.toHaveBeenCalled();
      expect(router.inboundCount).toBe(0);
      await expect(failed).rejects.toThrow('stdin closed');
    } finally {
      guardWritten.mockRestore();
    }
  });
});
