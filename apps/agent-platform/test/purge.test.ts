import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchdogs, liveChildren, testPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  expect(liveChildren(), 'a CLI process outlived its test').toEqual([]);
  expect(watchdogs(), 'a watchdog outlived its platform').toEqual([]);
});

const say = (text: string) => ({ content: [{ type: 'text' as const, text }] });
const DAY = 86_400_000;

/** Every path under `dir` whose name contains `id`. */
function named(dir: string, id: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.includes(id))
    .map((p) => join(dir, p));
}

describe('deleting a session', () => {
  it('deletes its workspace, CLI transcript and events at once by default', async () => {
    t = await testPlatform({ cli: 'real', turns: [say('Noted.')] });
    const token = await t.token({ userId: 'ada' });
    const { body: session } = await t.api(token, 'POST', '/api/sessions', {});
    const chat = await t.api(token, 'POST', `/api/sessions/${session.id}/chat`, {
      message: 'Note this.',
    });
    expect(chat.body).toMatchObject({ isError: false, result: 'Noted.' });
    const record = (await t.platform.repository.getSession(session.id))!;
    const home = join(t.dataDir, 'tenants/acme/users/ada/home/.claude');
    writeFileSync(join(record.workspace, 'notes.txt'), 'secret notes');
    expect(named(home, record.cliSessionId).some((p) => p.endsWith('.jsonl'))).toBe(true);

    const deleted = await t.api(token, 'DELETE', `/api/sessions/${session.id}`);
    expect(deleted.body.state).toBe('completed');
    expect(named(home, record.cliSessionId)).toEqual([]);
    expect(existsSync(record.workspace)).toBe(false);
    expect(await t.platform.repository.listEvents(session.id, 0)).toEqual([]);
    // The record stays, for usage: its spend is still counted.
    const usage = await t.api(token, 'GET', '/api/usage');
    expect(usage.body.user.month.costUsd).toBeCloseTo(chat.body.costUsd, 10);
  });

  it('keeps them for the retention period, then the purger deletes them', async () => {
    t = await testPlatform({ cli: 'fake', config: { sessionRetentionMs: 7 * DAY } });
    const token = await t.token({ userId: 'ada' });
    const { body: first } = await t.api(token, 'POST', '/api/sessions', {});
    const { body: second } = await t.api(token, 'POST', '/api/sessions', {});
    const workspace = (await t.platform.repository.getSession(first.id))!.workspace;
    writeFileSync(join(workspace, 'notes.txt'), 'kept for a while');
    await t.api(token, 'DELETE', `/api/sessions/${first.id}`);
    expect(existsSync(join(workspace, 'notes.txt'))).toBe(true);
    expect(await t.platform.purger.sweep(Date.now() + DAY)).toBe(0);
    expect((await t.platform.repository.listEvents(first.id, 0)).length).toBeGreaterThan(0);

    // Due, but the user's other session still works in the (per-user) workspace.
    expect(await t.platform.purger.sweep(Date.now() + 8 * DAY)).toBe(1);
    expect(await t.platform.repository.listEvents(first.id, 0)).toEqual([]);
    expect(existsSync(join(workspace, 'notes.txt'))).toBe(true);

    await t.api(token, 'DELETE', `/api/sessions/${second.id}`);
    expect(await t.platform.purger.sweep(Date.now() + 8 * DAY)).toBe(1);
    expect(existsSync(workspace)).toBe(false);
    // Purged once: nothing left to do.
    expect(await t.platform.purger.sweep(Date.now() + 8 * DAY)).toBe(0);
  });
});
