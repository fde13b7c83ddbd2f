import { describe, expect, it } from 'vitest';
import { configWarnings } from './configWarnings.js';

const canUseTool = () => ({ behavior: 'allow' as const });

describe('configWarnings', () => {
  it('warns when canUseTool is shadowed by bypassPermissions or whole-tool allowedTools', () => {
    expect(
      configWarnings({ canUseTool, permissionMode: 'bypassPermissions' })[0]?.message,
    ).toContain('never be called');
    const [warning] = configWarnings({ canUseTool, allowedTools: ['Bash', 'Read(./docs/**)'] });
    expect(warning?.message).toContain('allows Bash outright');
    expect(warning?.message).not.toContain('Read');
  });

  it('is silent without canUseTool or with pattern rules only', () => {
    expect(configWarnings({ permissionMode: 'bypassPermissions' })).toEqual([]);
    expect(configWarnings({ canUseTool, allowedTools: ['Bash(git *)'] })).toEqual([]);
  });
});
