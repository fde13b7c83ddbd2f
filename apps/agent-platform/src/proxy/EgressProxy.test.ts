import { describe, expect, it } from 'vitest';
import { isAllowed, resolveAllowed } from './EgressProxy.js';

describe('egress allowlist', () => {
  it('matches hosts, ports and wildcard subdomains', () => {
    expect(isAllowed(['api.github.com'], 'api.github.com', 443)).toBe(true);
    expect(isAllowed(['api.github.com'], 'api.github.com', 22)).toBe(false);
    expect(isAllowed(['*.npmjs.org'], 'registry.npmjs.org', 443)).toBe(true);
    expect(isAllowed(['*.npmjs.org'], 'npmjs.org.evil.com', 443)).toBe(false);
    expect(isAllowed(['127.0.0.1:9000'], '127.0.0.1', 9000)).toBe(true);
  });

  it('never lets an allowed name reach an internal address (DNS pointed at loopback)', async () => {
    // `localhost` stands for a tenant-controlled domain whose DNS answers 127.0.0.1.
    expect(await resolveAllowed('localhost')).toBeUndefined();
    // A literal address is the operator's explicit choice and is used as written.
    expect(await resolveAllowed('127.0.0.1')).toBe('127.0.0.1');
    expect(await resolveAllowed('[::1]')).toBe('::1');
  });
});
