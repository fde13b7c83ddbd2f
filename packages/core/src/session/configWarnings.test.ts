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

  it('names the current tool when a list uses a former name (LEGACY_TOOL_NAME_ALIASES)', () => {
    const messages = configWarnings({
      allowedTools: ['Task', 'Read'],
      disallowedTools: ['KillBash(*)'],
      tools: ['Agent'],
    }).map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/allowedTools names the tool "Task".*use "Agent"/);
    expect(messages[1]).toMatch(/disallowedTools names the tool "KillBash".*use "TaskStop"/);
    expect(configWarnings({ allowedTools: ['toString', 'constructor'] })).toEqual([]);
  });
});
