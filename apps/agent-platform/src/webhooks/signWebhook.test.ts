import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './signWebhook.js';

describe('webhook signatures', () => {
  it('verifies its own signature and rejects tampering, wrong secrets and stale timestamps', () => {
    const now = 1_700_000_000_000;
    const sig = signWebhook('k', now, '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('k', now, '{"a":1}', sig, { now })).toBe(true);
    expect(verifyWebhook('k', now, '{"a":2}', sig, { now })).toBe(false);
    expect(verifyWebhook('other', now, '{"a":1}', sig, { now })).toBe(false);
    expect(verifyWebhook('k', now, '{"a":1}', sig, { now: now + 10 * 60_000 })).toBe(false);
  });
});
