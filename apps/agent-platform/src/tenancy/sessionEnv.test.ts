import { describe, expect, it } from 'vitest';
import { sessionEnv } from './sessionEnv.js';

describe('sessionEnv', () => {
  it('removes server secrets, layers tenant env, and pins HOME/TMPDIR', () => {
    const env = sessionEnv({
      serverEnv: {
        PLATFORM_JWT_SECRET: 's',
        DATABASE_URL: 'postgres://x',
        PGPASSWORD: 'p',
        PATH: '/bin',
      },
      cliEnv: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:1' },
      tenantEnv: { ACME_FLAG: '1', HOME: '/root', PLATFORM_JWT_SECRET: 'nope' },
      home: '/data/h',
      tmp: '/data/t',
    });
    expect(env).toEqual({
      PLATFORM_JWT_SECRET: undefined,
      DATABASE_URL: undefined,
      PGPASSWORD: undefined,
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:1',
      ACME_FLAG: '1',
      HOME: '/data/h',
      TMPDIR: '/data/t',
    });
  });
});
