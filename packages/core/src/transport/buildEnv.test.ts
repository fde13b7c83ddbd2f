import { describe, expect, it } from 'vitest';
import { SDK_VERSION } from '../version.js';
import { buildEnv } from './buildEnv.js';

describe('buildEnv', () => {
  it('merges over the base env, removes keys set to undefined and drops CLAUDECODE/NODE_OPTIONS', () => {
    const env = buildEnv(
      { EXTRA: '1', REMOVE_ME: undefined },
      { PATH: '/bin', REMOVE_ME: 'x', CLAUDECODE: '1', NODE_OPTIONS: '--inspect', DEBUG: '*' },
    );
    expect(env.PATH).toBe('/bin');
    expect(env.EXTRA).toBe('1');
    expect(env).not.toHaveProperty('REMOVE_ME');
    expect(env).not.toHaveProperty('CLAUDECODE');
    expect(env).not.toHaveProperty('NODE_OPTIONS');
    expect(env).not.toHaveProperty('DEBUG');
    expect(env.CLAUDE_CODE_ENTRYPOINT).toBe('sdk-ts');
    expect(env.AGENTSDK_VERSION).toBe(SDK_VERSION);
    expect(env.CLAUDE_CODE_SDK_READS_SESSION_STATE).toBe('1');
  });

  it('lets the caller override what the SDK sets', () => {
    expect(buildEnv({ CLAUDE_CODE_ENTRYPOINT: 'custom' }, {}).CLAUDE_CODE_ENTRYPOINT).toBe(
      'custom',
    );
  });
});
