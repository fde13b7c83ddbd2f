import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelServer, type ModelServer } from '@agentsdk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelProxy } from './ModelProxy.js';
import type { MeteredUsage, ProxySession } from './ProxySession.js';

const REAL_KEY = 'sk-ant-real-upstream-key';

let model: ModelServer;
let proxy: ModelProxy;
let dir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'model-proxy-'));
  proxy = new ModelProxy();
  await proxy.start();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await proxy.close();
  await model?.close();
  rmSync(dir, { recursive: true, force: true });
});

function session(
  key: string,
  remainingUsd = 10,
): ProxySession & { records: MeteredUsage[]; stops: string[] } {
  const records: MeteredUsage[] = [];
  const stops: string[] = [];
  return {
    sessionId: key,
    key,
    upstream: { baseUrl: model.url, apiKey: REAL_KEY },
    records,
    stops,
    remainingUsd: async () => remainingUsd - records.reduce((sum, r) => sum + r.costUsd, 0),
    record: async (usage) => {
      records.push(usage);
    },
    budgetExceeded: (message) => stops.push(message),
  };
}

/** A Messages request as the CLI sends it (streaming), over TCP or a Unix socket. */
function send(
  target: { url: string } | { socketPath: string },
  key: string,
  body: Record<string, unknown> = {},
  path = '/v1/messages?beta=true',
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify({
    model: 'claude-opus-4-5',
    max_tokens: 32000,
    stream: true,
    messages: [{ role: 'user', content: 'hi' }],
    tools: [{ name: 'Bash', description: 'run', input_schema: { type: 'object' } }],
    ...body,
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...('url' in target
          ? { host: '127.0.0.1', port: Number(new URL(target.url).port) }
          : { socketPath: target.socketPath }),
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': key,
          'anthropic-version': '2023-06-01',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('ModelProxy', () => {
  it('swaps the stand-in key for the real one, streams the answer and records its usage', async () => {
    model = await createModelServer({
      script: [
        {
          content: [{ type: 'text', text: 'Hello.' }],
          usage: { input_tokens: 1000, output_tokens: 200, cache_read_input_tokens: 5000 },
        },
      ],
    });
    const s = session('sk-agentsdk-session-a');
    cleanups.push(await proxy.register(s));
    const answer = await send(proxy, s.key);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Hello.');
    expect(answer.text).toContain('message_stop');
    const [upstream] = model.requests;
    expect(upstream?.headers['x-api-key']).toBe(REAL_KEY);
    expect(JSON.stringify(upstream?.headers)).not.toContain('sk-agentsdk-session-a');
    expect(s.records).toHaveLength(1);
    const [usage] = s.records;
    expect(usage).toMatchObject({
      inputTokens: 1000,
      outputTokens: 200,
      cacheReadInputTokens: 5000,
      cut: false,
    });
    // Opus 4.5: $5/M input, $25/M output, cache reads at a tenth of input.
    expect(usage!.costUsd).toBeCloseTo((1000 * 5 + 200 * 25 + 5000 * 0.5) / 1e6, 12);
  });

  it('answers 401 to an unknown key and to another session’s key on a bound socket', async () => {
    model = await createModelServer({ script: [] });
    const a = session('sk-agentsdk-session-a');
    const b = session('sk-agentsdk-session-b');
    cleanups.push(await proxy.register(a, dir));
    cleanups.push(await proxy.register(b));
    expect((await send(proxy, 'sk-stolen')).status).toBe(401);
    // b's key is valid on the loopback port, but a's socket belongs to a's sandbox only.
    const viaSocket = await send({ socketPath: join(dir, 'model.sock') }, b.key);
    expect(viaSocket.status).toBe(401);
    expect(viaSocket.text).toContain('authentication_error');
    expect(model.requests).toHaveLength(0);
  });

  it('forwards only the model API routes', async () => {
    model = await createModelServer({ script: [] });
    const s = session('sk-agentsdk-session-a');
    cleanups.push(await proxy.register(s));
    const other = await send(proxy, s.key, {}, '/api/oauth/profile');
    expect(other.status).toBe(404);
    expect(other.text).toContain('not_found_error');
    // Unmetered spend on the real key: batches and the legacy API are not the CLI's routes.
    for (const path of ['/v1/messages/batches', '/v1/complete', '/v1/files']) {
      const refused = await send(proxy, s.key, {}, path);
      expect(refused.status, path).toBe(404);
    }
    expect(model.requests).toHaveLength(0);
  });

  it('lowers max_tokens to what the budget can pay for, and refuses a request it cannot', async () => {
    model = await createModelServer({
      script: [
        // The fake ignores max_tokens; the proxy bills no more than it sent.
        {
          content: [{ type: 'text', text: 'Expensive.' }],
          usage: { input_tokens: 10, output_tokens: 1_000_000 },
        },
      ],
    });
    const s = session('sk-agentsdk-session-a', 0.05);
    cleanups.push(await proxy.register(s));
    const answer = await send(proxy, s.key);
    expect(answer.status).toBe(200);
    const sent = model.requests[0]?.body as { max_tokens: number };
    expect(sent.max_tokens).toBeLessThan(2000);
    expect(sent.max_tokens).toBeGreaterThan(1000);
    expect(s.records[0]!.outputTokens).toBe(sent.max_tokens);
    expect(s.records[0]!.costUsd).toBeLessThanOrEqual(0.05);

    const refused = await send(proxy, s.key);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Budget exceeded');
    expect(s.stops).toHaveLength(1);
    expect(model.requests).toHaveLength(1);
  });

  it('cuts a stream whose exact input alone crosses the budget, and records what was billed', async () => {
    model = await createModelServer({
      script: [
        {
          content: [{ type: 'text', text: 'This answer never reaches the CLI in full.' }],
          usage: { input_tokens: 100_000, output_tokens: 10 },
        },
      ],
    });
    const s = session('sk-agentsdk-session-a', 0.1);
    cleanups.push(await proxy.register(s));
    const answer = await send(proxy, s.key);
    expect(answer.text).toContain('event: error');
    expect(answer.text).toContain('Budget exceeded');
    expect(answer.text).not.toContain('message_stop');
    expect(s.records).toEqual([expect.objectContaining({ inputTokens: 100_000, cut: true })]);
    expect(s.stops).toHaveLength(1);
  });

  it('lowers a thinking budget with max_tokens, or refuses when thinking cannot fit', async () => {
    model = await createModelServer({ script: [{ content: [{ type: 'text', text: 'ok' }] }] });
    const s = session('sk-agentsdk-session-a', 0.1);
    cleanups.push(await proxy.register(s));
    await send(proxy, s.key, { thinking: { type: 'enabled', budget_tokens: 30000 } });
    const sent = model.requests[0]?.body as {
      max_tokens: number;
      thinking: { budget_tokens: number };
    };
    expect(sent.thinking.budget_tokens).toBe(sent.max_tokens - 1);
    const poor = session('sk-agentsdk-session-b', 0.02);
    cleanups.push(await proxy.register(poor));
    const refused = await send(proxy, poor.key, {
      thinking: { type: 'enabled', budget_tokens: 30000 },
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('thinking');
  });

  it('stops answering a key once its session is released', async () => {
    model = await createModelServer({ script: [] });
    const s = session('sk-agentsdk-session-a');
    const release = await proxy.register(s, dir);
    await release();
    expect((await send(proxy, s.key)).status).toBe(401);
    await expect(send({ socketPath: join(dir, 'model.sock') }, s.key)).rejects.toThrow();
  });
});
