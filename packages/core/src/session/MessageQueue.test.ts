import { describe, expect, it } from 'vitest';
import { MessageQueue } from './MessageQueue.js';

describe('MessageQueue', () => {
  it('delivers in order to a waiting and a late consumer', async () => {
    const q = new MessageQueue<number>();
    const first = q.next();
    q.push(1);
    q.push(2);
    q.push(3);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await q.next()).toEqual({ value: 2, done: false });
    expect(await q.next()).toEqual({ value: 3, done: false });
    q.end();
    expect(await q.next()).toEqual({ value: undefined, done: true });
  });

  it('drains queued items before a failure, then rejects once', async () => {
    const q = new MessageQueue<string>();
    q.push('a');
    q.fail(new Error('boom'));
    q.fail(new Error('second failure is ignored'));
    q.push('ignored after end');
    expect(await q.next()).toEqual({ value: 'a', done: false });
    await expect(q.next()).rejects.toThrow('boom');
    expect(await q.next()).toEqual({ value: undefined, done: true });
  });

  it('wakes a waiting consumer on end and on failure', async () => {
    const ended = new MessageQueue<number>();
    const pendingEnd = ended.next();
    ended.end();
    expect(await pendingEnd).toEqual({ value: undefined, done: true });
    const failed = new MessageQueue<number>();
    const pendingFail = failed.next();
    failed.fail(new Error('x'));
    await expect(pendingFail).rejects.toThrow('x');
  });

  it('compacts while a long stream is consumed', async () => {
    const q = new MessageQueue<number>();
    for (let i = 0; i < 5000; i++) q.push(i);
    for (let i = 0; i < 5000; i++) expect((await q.next()).value).toBe(i);
    expect(q.size).toBe(0);
  });
});
