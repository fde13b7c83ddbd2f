import { describe, expect, it } from 'vitest';
import { sessionEnv } from './sessionEnv.js';

describe('sessionEnv', () => {
  const base = {
    home: '/data/h',
    tmp: '/data/t',
    modelBaseUrl: 'http://127.0.0.1:9',
    sessionKey: 'sk-session-1',
  };

  it('builds the env from an allow list: nothing of the server but locale and PATH', () => {
    const env = sessionEnv({
      ...base,
      serverEnv: {
        PLATFORM_JWT_SECRET: 's',
        DATABASE_URL: 'postgres://x',
        PGPASSWORD: 'p',
        ANTHROPIC_API_KEY: 'sk-real',
        SOME_FUTURE_SECRET: 'leak?',
        PATH: '/bin',
        LANG: 'C.UTF-8',
      },
      cliEnv: { ANTHROPIC_BASE_URL: 'http://upstream', CLAUDE_CODE_MAX_RETRIES: '0' },
      tenantEnv: {
        ACME_FLAG: '1',
        HOME: '/root',
        PLATFORM_JWT_SECRET: 'nope',
        ANTHROPIC_API_KEY: 'sk-tenant',
        AWS_SECRET_ACCESS_KEY: 'aws',
      },
    });
    expect(env).toEqual({
      PATH: '/bin',
      LANG: 'C.UTF-8',
      CLAUDE_CODE_MAX_RETRIES: '0',
      ACME_FLAG: '1',
      HOME: '/data/h',
      TMPDIR: '/data/t',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      ANTHROPIC_API_KEY: 'sk-session-1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '1',
    });
  });

  it('points HTTP(S)_PROXY at the egress proxy only when the tenant has an allowlist', () => {
    const withEgress = sessionEnv({
      ...base,
      serverEnv: {},
      cliEnv: { HTTPS_PROXY: 'http://operator-proxy' },
      tenantEnv: undefined,
      egressProxyUrl: 'http://127.0.0.1:3128',
    });
    expect(withEgress['HTTPS_PROXY']).toBe('http://127.0.0.1:3128');
    expect(withEgress['NO_PROXY']).toBe('127.0.0.1');
    const without = sessionEnv({
      ...base,
      serverEnv: {},
      cliEnv: { HTTPS_PROXY: 'http://operator-proxy' },
      tenantEnv: undefined,
    });
    expect(without['HTTPS_PROXY']).toBeUndefined();
  });
});
