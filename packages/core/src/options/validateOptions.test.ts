import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import { query } from '../query/query.js';
import { ClaudeSDKClient } from '../query/ClaudeSDKClient.js';
import { validateOptions } from './validateOptions.js';

function issuesOf(options: unknown): InvalidOptionsError {
  try {
    validateOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionsError);
    return error as InvalidOptionsError;
  }
  throw new Error('expected InvalidOptionsError');
}

describe('validateOptions', () => {
  it('accepts per-tool policies on remote servers and MCP servers of a subagent, checks the policy', () => {
    const options = {
      mcpServers: {
        web: {
          type: 'http',
          url: 'http://x',
          tools: [{ name: 'fetch', permission_policy: 'always_ask' }],
        },
      },
      agents: {
        reviewer: { description: 'd', prompt: 'p', mcpServers: ['web', { own: { command: 'x' } }] },
      },
      sandbox: {
        filesystem: { denyRead: ['~/.ssh'] },
        credentials: { envVars: [{ name: 'TOKEN', mode: 'deny' }] },
      },
    } as const;
    expect(validateOptions(options)).toBe(options);
    const bad = issuesOf({
      mcpServers: {
        web: {
          type: 'sse',
          url: 'http://x',
          tools: [{ name: 'f', permission_policy: 'sometimes' }],
        },
      },
    });
    expect(bad.message).toContain('mcpServers');
  });

  it('accepts valid options and undefined', () => {
    const options = {
      model: 'sonnet',
      maxTurns: 3,
      allowedTools: ['Bash'],
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [async () => ({})] }] },
      mcpServers: { fs: { command: 'npx', args: ['x'] }, web: { type: 'http', url: 'http://x' } },
      abortSignal: new AbortController().signal,
      env: { A: 'b', GONE: undefined },
    } as const;
    expect(validateOptions(options)).toBe(options);
    expect(validateOptions(undefined)).toEqual({});
  });

  it('lists every bad key and value at once, with did-you-mean for typos', () => {
    const error = issuesOf({
      maxTurns: -1,
      model: 42,
      allowedTools: 'Bash',
      permisionMode: 'plan',
      systemprompt: 'x',
      additionalDirectories: ['/tmp'],
    });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'maxTurns', message: expect.stringContaining('-1') }),
        expect.objectContaining({ key: 'model', message: expect.stringContaining('42') }),
        expect.objectContaining({
          key: 'allowedTools',
          message: expect.stringContaining('"Bash"'),
        }),
        { key: 'permisionMode', message: 'is not an option', didYouMean: 'permissionMode' },
        { key: 'systemprompt', message: 'is not an option', didYouMean: 'systemPrompt' },
        { key: 'additionalDirectories', message: 'is not an option', didYouMean: 'addDirs' },
      ]),
    );
    expect(error.issues).toHaveLength(6);
    expect(error.message).toContain('did you mean "permissionMode"?');
  });

  it('rejects a number passed as a string and names nested keys', () => {
    expect(issuesOf({ maxTurns: '3' }).issues).toEqual([
      expect.objectContaining({ key: 'maxTurns', message: expect.stringContaining('"3"') }),
    ]);
    expect(issuesOf({ mcpServers: { db: { command: 7 } } }).issues[0]?.key).toMatch(
      /^mcpServers\.db/,
    );
    expect(issuesOf({ canUseTool: 'yes' }).issues[0]?.message).toContain('expected a function');
    expect(validateOptions({ systemPrompt: ['a', 'b'] })).toEqual({ systemPrompt: ['a', 'b'] });
    expect(issuesOf({ systemPrompt: [] }).issues[0]?.key).toBe('systemPrompt');
    expect(issuesOf({ systemPrompt: ['a', 7] }).issues[0]?.key).toMatch(/^systemPrompt/);
    expect(
      validateOptions({ systemPrompt: { type: 'custom', prompt: 'x', snapshot: true } }),
    ).toEqual({ systemPrompt: { type: 'custom', prompt: 'x', snapshot: true } });
    expect(issuesOf({ systemPrompt: { type: 'custom', prompt: [] } }).issues[0]?.key).toMatch(
      /^systemPrompt/,
    );
    expect(
      issuesOf({
        systemPrompt: { type: 'preset', preset: 'claude_code', excludeDynamicSections: 'yes' },
      }).issues[0]?.key,
    ).toMatch(/^systemPrompt/);
  });

  it('is checked at the call of query() and new ClaudeSDKClient()', () => {
    expect(() => query({ prompt: 'x', options: { maxTurns: 0 } })).toThrow(InvalidOptionsError);
    expect(() => new ClaudeSDKClient({ maxTurnz: 3 } as never)).toThrow(/did you mean "maxTurns"/);
  });
});
