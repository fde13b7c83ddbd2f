import { afterEach, describe, expect, it } from 'vitest';
import { liveChildren, openStream, testPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
});

async function metric(platform: TestPlatform, name: string): Promise<number> {
  const text = await (await fetch(`${platform.platform.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('idle sessions', () => {
  it('the sweeper pauses an idle session (its process released); the next chat resumes it', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        { content: [{ type: 'text', text: 'First answer.' }] },
        { content: [{ type: 'text', text: 'Second answer, after the pause.' }] },
      ],
      // The timer sweeps every 50 ms; a session with no activity for 1 s is idle.
      config: { idleTimeoutMs: 1000, sweepIntervalMs: 50 },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const first = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Hello.',
    });
    expect(first.body.result).toBe('First answer.');

    const stream = await openStream(t.platform.url, token, session.id, first.body.lastEventId);
    const paused = await stream.next((f) => f.kind === 'state' && f.state === 'paused');
    expect(paused.reason).toBe('idle');
    await stream.close();
    expect(t.platform.sessions.liveProcesses).toBe(0);
    expect((await t.api(token, 'GET', `/api/sessions/${session.id}`)).body.state).toBe('paused');
    expect(await metric(t, 'platform_idle_pauses_total')).toBe(1);

    const second = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Still there?',
    });
    expect(second.body).toMatchObject({
      result: 'Second answer, after the pause.',
      isError: false,
    });
    // The resumed CLI continued the same conversation.
    expect(JSON.stringify(t.server?.lastMainRequest()?.body)).toContain('First answer.');
  });

  it('never pauses a session while its turn runs, however old its last activity', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [{ content: [{ type: 'text', text: 'Slow but done.' }], stall: true }],
      config: { idleTimeoutMs: 60_000 },
    });
    const token = await t.token({ userId: 'bob' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Go.' });
    await t.server!.waitForStall();
    // A sweep far in the future: every session is idle by the clock, but this one is busy.
    expect(await t.platform.sessions.sweep(Date.now() + 3_600_000)).toBe(0);
    t.server!.release();
    expect((await chat).body.result).toBe('Slow but done.');
    // Once the turn is over, the same sweep pauses it.
    expect(await t.platform.sessions.sweep(Date.now() + 3_600_000)).toBe(1);
    expect(t.platform.sessions.liveProcesses).toBe(0);
  });
});

describe('runaway turns', () => {
  it('interrupts a turn that runs past maxTurnMs; the session stays usable', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        { content: [{ type: 'text', text: 'This never finishes streaming.' }], stall: true },
        { content: [{ type: 'text', text: 'Back to normal.' }] },
      ],
      config: { maxTurnMs: 500 },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const runaway = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Think forever.',
    });
    expect(runaway.status).toBe(200);
    expect(runaway.body).toMatchObject({ interrupted: true, attempts: 1 });
    expect(await metric(t, 'platform_runaway_interrupts_total')).toBe(1);
    const events = await t.api(token, 'GET', `/api/sessions/${session.id}/events`);
    expect(events.body.events.map((e: { payload: unknown }) => e.payload)).toContainEqual({
      kind: 'interrupt',
      reason: 'runaway',
      afterMs: 500,
    });
    expect((await t.api(token, 'GET', `/api/sessions/${session.id}`)).body.state).toBe('active');

    const next = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Something quick.',
    });
    expect(next.body).toMatchObject({ result: 'Back to normal.', isError: false });
  });

  it.each([
    { warmUp: true, name: 'after a finished turn (resumes the conversation)' },
    { warmUp: false, name: 'on the first turn (no conversation to resume yet)' },
  ])('stops the CLI process when it ignores the interrupt, $name', async ({ warmUp }) => {
    t = await testPlatform({
      cli: 'real',
      turns: [
        ...(warmUp ? [{ content: [{ type: 'text' as const, text: 'Warm-up.' }] }] : []),
        { content: [{ type: 'text', text: 'Hung.' }], stall: true },
        { content: [{ type: 'text', text: 'Fresh process.' }] },
      ],
      config: { maxTurnMs: 500, interruptGraceMs: 300 },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    if (warmUp) await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Hi.' });
    const chat = t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Hang.' });
    await t.server!.waitForStall();
    // Freeze the CLI: it can answer neither the interrupt nor SIGTERM, only SIGKILL ends it.
    const [cli] = liveChildren();
    expect(cli).toBeDefined();
    process.kill(cli!, 'SIGSTOP');
    const hung = await chat;
    expect(hung.status).toBe(502);
    expect(hung.body.error.code).toBe('agent_failed');
    expect(liveChildren()).not.toContain(cli);
    expect(t.platform.sessions.liveProcesses).toBe(0);
    expect((await t.api(token, 'GET', `/api/sessions/${session.id}`)).body.state).toBe('active');

    const next = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Again.',
    });
    expect(next.body).toMatchObject({ result: 'Fresh process.', isError: false });
    const sent = JSON.stringify(t.server?.lastMainRequest()?.body);
    // Resumed with the finished turn; or, with none, a fresh CLI session (the cut turn is gone).
    if (warmUp) expect(sent).toContain('Warm-up.');
    else expect(sent).not.toContain('Hang.');
  });
});
