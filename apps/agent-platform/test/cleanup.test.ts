import { afterEach, describe, expect, it } from 'vitest';
import {
  liveChildren,
  openStream,
  operatorGet,
  processTree,
  testPlatform,
  type TestPlatform,
} from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
});

async function metric(platform: TestPlatform, name: string): Promise<number> {
  const text = await (await operatorGet(platform.platform.url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

const say = (text: string) => ({ content: [{ type: 'text' as const, text }] });
const HOUR = 3_600_000;

// The sweeper's clock is passed in (`sweep(now)`), so these tests never wait for a timeout.
describe('idle sessions', () => {
  it('a sweep pauses an idle session (its process released); the next chat resumes it', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [say('First answer.'), say('Second answer, after the pause.')],
      config: { idleTimeoutMs: HOUR, sweepIntervalMs: HOUR },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const first = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Hello.',
    });
    expect(first.body.result).toBe('First answer.');

    expect(await t.platform.sessions.sweep(Date.now())).toBe(0); // not idle yet
    const stream = await openStream(t.platform.url, token, session.id, first.body.lastEventId);
    expect(await t.platform.sessions.sweep(Date.now() + HOUR)).toBe(1);
    const paused = await stream.next((f) => f.kind === 'state' && f.state === 'paused');
    expect(paused.reason).toBe('idle');
    await stream.close();
    expect(t.platform.sessions.liveProcesses).toBe(0);
    expect((await t.api(token, 'GET', `/api/sessions/${session.id}`)).body.state).toBe('paused');
    expect(await metric(t, 'platform_idle_pauses_total')).toBe(1);
    expect(await t.platform.sessions.sweep(Date.now() + HOUR)).toBe(0); // paused already

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

  it('the sweeper runs on its own timer', async () => {
    t = await testPlatform({
      cli: 'real',
      config: { idleTimeoutMs: 0, sweepIntervalMs: 20 },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const stream = await openStream(t.platform.url, token, session.id);
    const paused = await stream.next((f) => f.kind === 'state' && f.state === 'paused');
    expect(paused.reason).toBe('idle');
    await stream.close();
    expect(t.platform.sessions.liveProcesses).toBe(0);
  });

  it('never pauses a session while its turn runs', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [{ ...say('Slow but done.'), stall: true }],
      config: { idleTimeoutMs: HOUR, maxTurnMs: 10 * HOUR, sweepIntervalMs: HOUR },
    });
    const token = await t.token({ userId: 'bob' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Go.' });
    await t.server!.waitForStall();
    // Idle by the clock, but busy: neither paused nor (within maxTurnMs) interrupted.
    expect(await t.platform.sessions.sweep(Date.now() + 2 * HOUR)).toBe(0);
    t.server!.release();
    expect((await chat).body).toMatchObject({ result: 'Slow but done.', interrupted: false });
    // Once the turn is over, the same sweep pauses it.
    expect(await t.platform.sessions.sweep(Date.now() + 2 * HOUR)).toBe(1);
    expect(t.platform.sessions.liveProcesses).toBe(0);
  });
});

describe('runaway turns', () => {
  it('a sweep interrupts a turn running past maxTurnMs; the session stays usable', async () => {
    t = await testPlatform({
      cli: 'real',
      turns: [{ ...say('This never finishes streaming.'), stall: true }, say('Back to normal.')],
      config: { maxTurnMs: HOUR, sweepIntervalMs: HOUR },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Think forever.',
    });
    await t.server!.waitForStall();
    expect(await t.platform.sessions.sweep(Date.now())).toBe(0); // not yet a runaway
    expect(await t.platform.sessions.sweep(Date.now() + HOUR)).toBe(1);
    const runaway = await chat;
    expect(runaway.status).toBe(200);
    expect(runaway.body).toMatchObject({ interrupted: true, attempts: 1 });
    expect(await metric(t, 'platform_runaway_interrupts_total')).toBe(1);
    const events = await t.api(token, 'GET', `/api/sessions/${session.id}/events`);
    expect(events.body.events.map((e: { payload: unknown }) => e.payload)).toContainEqual({
      kind: 'interrupt',
      reason: 'runaway',
      afterMs: HOUR,
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
        ...(warmUp ? [say('Warm-up.')] : []),
        { ...say('Hung.'), stall: true },
        say('Fresh process.'),
      ],
      config: { maxTurnMs: HOUR, sweepIntervalMs: HOUR, interruptGraceMs: 300 },
    });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    if (warmUp) await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Hi.' });
    const chat = t.api(token, 'POST', `/api/sessions/${session.id}/chat`, { message: 'Hang.' });
    await t.server!.waitForStall();
    // Freeze the CLI and its sandbox: it can answer neither the interrupt nor SIGTERM, only
    // SIGKILL ends it.
    const [cli] = liveChildren();
    expect(cli).toBeDefined();
    for (const pid of processTree(cli!)) process.kill(pid, 'SIGSTOP');
    expect(await t.platform.sessions.sweep(Date.now() + HOUR)).toBe(1);
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

describe('concurrent requests on one session', () => {
  it('a second chat while one runs gets 409 session_busy; so do pause and resume', async () => {
    t = await testPlatform({ cli: 'real', turns: [{ ...say('One at a time.'), stall: true }] });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const path = `/api/sessions/${session.id}`;
    const first = t.api(token, 'POST', `${path}/chat`, { message: 'First.' });
    await t.server!.waitForStall();
    for (const [route, body] of [
      ['chat', { message: 'Second.' }],
      ['pause', undefined],
      ['resume', undefined],
    ] as const) {
      const refused = await t.api(token, 'POST', `${path}/${route}`, body);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('session_busy');
    }
    t.server!.release();
    expect((await first).body.result).toBe('One at a time.');
    expect(t.server!.mainRequests()).toHaveLength(1);
  });

  it('ending a session while it resumes leaves no process behind', async () => {
    t = await testPlatform({ cli: 'real', turns: [] });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const path = `/api/sessions/${session.id}`;
    expect((await t.api(token, 'POST', `${path}/pause`)).status).toBe(200);
    // Whichever runs first, the end wins and the resumed process (if any) is stopped.
    const [resumed, ended] = await Promise.all([
      t.api(token, 'POST', `${path}/resume`),
      t.api(token, 'DELETE', path),
    ]);
    expect(ended.status).toBe(200);
    expect([200, 409]).toContain(resumed.status);
    expect((await t.api(token, 'GET', path)).body.state).toBe('completed');
    expect(t.platform.sessions.liveProcesses).toBe(0);
    expect(liveChildren()).toEqual([]);
  });
});
