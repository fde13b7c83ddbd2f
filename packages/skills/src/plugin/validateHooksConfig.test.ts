import { describe, expect, it } from 'vitest';
import { validateHooksConfig } from './validateHooksConfig.js';

const entry = (hook: object, event = 'PostToolUse') => ({
  hooks: { [event]: [{ matcher: 'Write', hooks: [hook] }] },
});

describe('validateHooksConfig', () => {
  it.each([
    [
      'command',
      { type: 'command', command: 'x', args: ['a'], timeout: 3, async: true, shell: 'bash' },
    ],
    ['prompt', { type: 'prompt', prompt: 'ok?', model: 'haiku' }],
    ['agent', { type: 'agent', prompt: 'verify' }],
    [
      'http',
      {
        type: 'http',
        url: 'https://hooks.example.com',
        headers: { A: 'b' },
        allowedEnvVars: ['TOKEN'],
      },
    ],
    ['mcp_tool', { type: 'mcp_tool', server: 'db', tool: 'log', input: { x: 1 } }],
  ])('accepts a %s hook', (_type, hook) => {
    expect(validateHooksConfig(entry(hook), { form: 'file' })).toEqual([]);
  });

  it.each([
    [{ type: 'command' }, '/hooks/PostToolUse/0/hooks/0/command'],
    [{ type: 'http', url: 'nope' }, '/hooks/PostToolUse/0/hooks/0/url'],
    [{ type: 'mcp_tool', server: 'db' }, '/hooks/PostToolUse/0/hooks/0/tool'],
    [{ type: 'command', command: 'x', timeout: -1 }, '/hooks/PostToolUse/0/hooks/0/timeout'],
    [{ type: 'command', command: 'x', args: 'a b' }, '/hooks/PostToolUse/0/hooks/0/args'],
    [{ type: 'command', command: 'x', shell: 'fish' }, '/hooks/PostToolUse/0/hooks/0/shell'],
    [{ command: 'x' }, '/hooks/PostToolUse/0/hooks/0/type'],
    ['x', '/hooks/PostToolUse/0/hooks/0'],
  ])('skips a broken hook of a non-guard event with a warning: %j', (hook, pointer) => {
    expect(validateHooksConfig(entry(hook as object), { form: 'file' })).toEqual([
      expect.objectContaining({ code: 'HOOK_INVALID', severity: 'warning', pointer }),
    ]);
  });

  it('refuses a broken guard hook', () => {
    expect(
      validateHooksConfig(entry({ type: 'command' }, 'PermissionRequest'), { form: 'file' }),
    ).toEqual([expect.objectContaining({ code: 'HOOK_INVALID', severity: 'error' })]);
  });

  it('suggests the event a wrong-case name meant', () => {
    const [d] = validateHooksConfig({ pretooluse: [] }, { form: 'events' });
    expect(d).toMatchObject({
      code: 'HOOK_EVENT_UNKNOWN',
      severity: 'warning',
      pointer: '/pretooluse',
    });
    expect(d?.message).toContain('"PreToolUse"');
  });

  it('checks a matcher', () => {
    expect(
      validateHooksConfig(
        { Stop: [{ matcher: 5, hooks: [] }] },
        { form: 'events', pointer: '/hooks' },
      ),
    ).toEqual([
      expect.objectContaining({ code: 'HOOK_INVALID', pointer: '/hooks/Stop/0/matcher' }),
    ]);
  });

  it('warns about unknown top-level fields', () => {
    expect(validateHooksConfig({ hooks: {}, extra: 1 }, { form: 'file' })).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_FIELD', severity: 'warning', pointer: '/extra' }),
    ]);
  });
});
