/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are loosely typed JSON in tests */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  liveChildren,
  openStream,
  operatorGet,
  testPlatform,
  type TestPlatform,
} from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
});

describe('session lifecycle with the real CLI and the scripted model server', () => {
  it('create → chat → stream → pause → resume → chat → usage → end', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        { content: [{ type: 'text', text: 'Nice to meet you, Ada.' }] },
        {
          content: [
            { type: 'tool_use', name: 'Bash', input: { command: 'touch made-by-agent.txt' } },
          ],
        },
        { content: [{ type: 'text', text: 'Created the file.' }] },
        { content: [{ type: 'text', text: 'Your name is Ada.' }] },
      ],
    });
    const token = await t.token({ userId: 'ada' });
    const created = await t.api(token, 'POST', '/api/sessions', {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'active',
      tenantId: 'acme',
      userId: 'ada',
      tier: 'pro',
    });
    const id = created.body.id as string;

    const first = await t.api(token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'My name is Ada.',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      result: 'Nice to meet you, Ada.',
      isError: false,
      attempts: 1,
    });
    expect(first.body.costUsd).toBeGreaterThan(0);

    // Stream a turn over the WebSocket: a tool call the path policy allows (inside the workspace).
    const stream = await openStream(t.platform.url, token, id, first.body.lastEventId);
    stream.ws.send(JSON.stringify({ type: 'chat', message: 'Create a file.' }));
    const outcome = await stream.next((f) => f.kind === 'turn_outcome');
    expect(outcome).toMatchObject({ result: 'Created the file.', isError: false });
    const ids = stream.frames.filter((f) => typeof f.id === 'number').map((f) => f.id);
    expect(ids[0]).toBe(first.body.lastEventId + 1);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(stream.frames.some((f) => f.kind === 'user' && f.text === 'Create a file.')).toBe(true);
    await stream.close();
    expect(existsSync(join(t.dataDir, 'tenants/acme/users/ada/workspace/made-by-agent.txt'))).toBe(
      true,
    );

    // Reconnect from an earlier id: the missed events are replayed, in order, without gaps.
    const replay = await openStream(t.platform.url, token, id, ids[2]);
    const last = await replay.next((f) => f.id === ids.at(-1));
    expect(last.id).toBe(ids.at(-1));
    expect(replay.frames.map((f) => f.id)).toEqual(ids.slice(3));
    await replay.close();

    const paused = await t.api(token, 'POST', `/api/sessions/${id}/pause`);
    expect(paused.body.state).toBe('paused');
    expect(t.platform.sessions.liveProcesses).toBe(0);
    expect((await t.api(token, 'POST', `/api/sessions/${id}/pause`)).body.error.code).toBe(
      'invalid_transition',
    );

    const resumed = await t.api(token, 'POST', `/api/sessions/${id}/resume`);
    expect(resumed.body.state).toBe('active');
    const third = await t.api(token, 'POST', `/api/sessions/${id}/chat`, {
      message: 'What is my name?',
    });
    expect(third.body).toMatchObject({ result: 'Your name is Ada.', isError: false });
    // The resumed CLI sent the earlier conversation to the model.
    expect(JSON.stringify(t.server?.lastMainRequest()?.body)).toContain('My name is Ada.');

    const usage = await t.api(token, 'GET', '/api/usage');
    const session = await t.api(token, 'GET', `/api/sessions/${id}`);
    expect(session.body.turns).toBe(3);
    // One usage record per model request, as the model proxy counted them.
    const modelRequests = t.server!.requests.filter((r) =>
      ['main', 'side', 'subagent'].includes(r.kind),
    );
    expect(usage.body.user.month.records).toBe(modelRequests.length);
    expect(usage.body.user.month.costUsd).toBeCloseTo(session.body.costUsd, 10);
    expect(usage.body.user.month.costUsd).toBeCloseTo(
      first.body.costUsd + outcome.costUsd + third.body.costUsd,
      10,
    );
    expect(usage.body.tenant.month.costUsd).toBeCloseTo(usage.body.user.month.costUsd, 10);

    const ended = await t.api(token, 'DELETE', `/api/sessions/${id}`);
    expect(ended.body.state).toBe('completed');
    expect((await t.api(token, 'POST', `/api/sessions/${id}/chat`, { message: 'x' })).status).toBe(
      409,
    );
    const metrics = await (await operatorGet(t.platform.url)).text();
    expect(metrics).toMatch(/platform_turns_total\{outcome="ok"\} 3/);
  });

  it('retries a transient API error (529) with backoff, not a 403', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        { error: { status: 529 } },
        { content: [{ type: 'text', text: 'Back again.' }] },
        { error: { status: 529 } },
        { content: [{ type: 'text', text: 'Second try worked.' }] },
        { content: [{ type: 'text', text: 'After the pause.' }] },
        { error: { status: 403 } },
      ],
    });
    /** The user texts of the conversation the model was last sent. */
    const prompts = (): string[] =>
      ((t?.server?.lastMainRequest()?.body as any)?.messages ?? [])
        .filter((m: any) => m.role === 'user')
        .flatMap((m: any) =>
          typeof m.content === 'string' ? [m.content] : m.content.map((b: any) => b.text),
        )
        .filter((text: any) => typeof text === 'string' && !text.startsWith('<system-reminder>'));
    const token = await t.token({ userId: 'bob' });
    const { body } = await t.api(token, 'POST', '/api/sessions', {});
    const ok = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'hello there',
    });
    expect(ok.body).toMatchObject({ result: 'Back again.', isError: false, attempts: 2 });
    const events = await t.api(token, 'GET', `/api/sessions/${body.id}/events`);
    expect(
      events.body.events.some((e: any) => e.payload.kind === 'retry' && e.payload.status === 529),
    ).toBe(true);
    // The retry restarted the CLI without the failed attempt: the model sees the prompt once.
    expect(prompts()).toEqual(['hello there']);

    // A retry on a later turn rewinds to the last answer, keeping the conversation before it.
    const second = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'second question',
    });
    expect(second.body).toMatchObject({ result: 'Second try worked.', attempts: 2 });
    expect(prompts()).toEqual(['hello there', 'second question']);
    expect(JSON.stringify(t.server?.lastMainRequest()?.body)).toContain('Back again.');
    // And a later resume (pause → chat) continues from that branch.
    expect((await t.api(token, 'POST', `/api/sessions/${body.id}/pause`)).status).toBe(200);
    const third = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'third question',
    });
    expect(third.body.result).toBe('After the pause.');
    expect(prompts()).toEqual(['hello there', 'second question', 'third question']);

    const final = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'and now?',
    });
    expect(final.body).toMatchObject({ isError: true, apiErrorStatus: 403, attempts: 1 });
    expect((await t.api(token, 'GET', `/api/sessions/${body.id}`)).body.state).toBe('active');
  });

  it('retries in place, without a rewind, when the failed attempt already ran a tool', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        {
          content: [
            { type: 'tool_use', name: 'Bash', input: { command: 'echo ran >> tool-log.txt' } },
          ],
        },
        { error: { status: 529 } },
        { content: [{ type: 'text', text: 'Done after the retry.' }] },
      ],
    });
    const token = await t.token({ userId: 'cy' });
    const { body } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'Log once.',
    });
    expect(chat.body).toMatchObject({ result: 'Done after the retry.', attempts: 2 });
    // A rewind would have dropped the tool's run from the conversation and run it again.
    const log = readFileSync(
      join(t.dataDir, 'tenants/acme/users/cy/workspace/tool-log.txt'),
      'utf8',
    );
    expect(log).toBe('ran\n');
    const sent = JSON.stringify(t.server?.lastMainRequest()?.body);
    expect(sent).toContain('tool_result');
    expect(sent).toContain('echo ran >> tool-log.txt');
  });

  it("denies a tool call that leaves the workspace (another tenant's path)", async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        {
          content: [
            {
              type: 'tool_use',
              name: 'Bash',
              input: { command: 'touch ../../../../tenants/acme-evil/pwned.txt' },
            },
          ],
        },
        { content: [{ type: 'text', text: 'I was not allowed.' }] },
      ],
    });
    const token = await t.token({ userId: 'eve', tenantId: 'acme' });
    const { body } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = await t.api(token, 'POST', `/api/sessions/${body.id}/chat`, {
      message: 'escape please',
    });
    expect(chat.body.result).toBe('I was not allowed.');
    const sent = JSON.stringify(t.server?.lastMainRequest()?.body);
    expect(sent).toContain('outside this workspace');
    expect(existsSync(join(t.dataDir, 'tenants/acme-evil/pwned.txt'))).toBe(false);
  });
});
