import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import { BASE_ARGS, buildArgs } from './buildArgs.js';

describe('buildArgs', () => {
  it('starts with the stream-json flags and loads no filesystem settings by default', () => {
    expect(buildArgs({})).toEqual([...BASE_ARGS, '--setting-sources=']);
  });

  it('maps options to --flag=value in the CLI order', () => {
    const args = buildArgs({
      model: 'claude-sonnet-4-5',
      maxTurns: 3,
      maxBudgetUsd: 0.5,
      effort: 'high',
      allowedTools: ['Read', 'mcp__calc__add'],
      disallowedTools: ['WebFetch'],
      tools: ['Read', 'Bash'],
      permissionMode: 'acceptEdits',
      resume: '-looks-like-a-flag',
      forkSession: true,
      settingSources: ['project', 'user'],
      addDirs: ['/a', '/b'],
      includePartialMessages: true,
      fallbackModel: 'claude-haiku-4-5',
      persistSession: false,
      plugins: [{ type: 'local', path: '/plugins/p' }],
      extraArgs: { 'debug-to-stderr': null, name: 'x' },
      canUseTool: () => ({ behavior: 'allow' }),
    });
    expect(args.slice(BASE_ARGS.length)).toEqual([
      '--effort=high',
      '--max-turns=3',
      '--max-budget-usd=0.5',
      '--model=claude-sonnet-4-5',
      '--permission-prompt-tool=stdio',
      '--resume=-looks-like-a-flag',
      '--allowedTools=Read,mcp__calc__add',
      '--disallowedTools=WebFetch',
      '--tools=Read,Bash',
      '--setting-sources=project,user',
      '--permission-mode=acceptEdits',
      '--fallback-model=claude-haiku-4-5',
      '--include-partial-messages',
      '--add-dir=/a',
      '--add-dir=/b',
      '--fork-session',
      '--no-session-persistence',
      '--plugin-dir=/plugins/p',
      '--debug-to-stderr',
      '--name=x',
    ]);
  });

  it('maps thinking, tools presets and empty tool lists', () => {
    expect(buildArgs({ thinking: { type: 'adaptive' } })).toContain('--thinking=adaptive');
    expect(buildArgs({ thinking: { type: 'enabled', budgetTokens: 2048 } })).toContain(
      '--max-thinking-tokens=2048',
    );
    expect(buildArgs({ maxThinkingTokens: 1000 })).toContain('--max-thinking-tokens=1000');
    expect(buildArgs({ tools: [] })).toContain('--tools=');
    expect(buildArgs({ tools: { type: 'preset', preset: 'claude_code' } })).toContain(
      '--tools=default',
    );
  });

  it('sends only external MCP servers on --mcp-config, as one JSON token', () => {
    const args = buildArgs({
      mcpServers: {
        files: { type: 'stdio', command: 'node', args: ['server.js'] },
        calc: {
          type: 'sdk',
          name: 'calc',
          instance: { name: 'calc', handleMessage: async () => undefined },
        },
      },
    });
    const i = args.indexOf('--mcp-config');
    expect(JSON.parse(args[i + 1] as string)).toEqual({
      mcpServers: { files: { type: 'stdio', command: 'node', args: ['server.js'] } },
    });
    expect(buildArgs({ mcpServers: {} })).not.toContain('--mcp-config');
  });

  it('with a file sink, puts the MCP config and settings JSON in files, not on argv', () => {
    const written = new Map<string, string>();
    const sink = {
      add: (name: string, content: string) => (written.set(name, content), `/f/${name}`),
    };
    const args = buildArgs(
      {
        mcpServers: {
          api: { type: 'http', url: 'https://x', headers: { authorization: 'Bearer s3cret' } },
        },
        settings: { model: 'x' },
      },
      sink,
    );
    expect(args[args.indexOf('--mcp-config') + 1]).toBe('/f/mcp-config');
    expect(args).toContain('--settings=/f/settings');
    expect(args.join(' ')).not.toContain('s3cret');
    expect(JSON.parse(written.get('mcp-config')!)).toEqual({
      mcpServers: {
        api: { type: 'http', url: 'https://x', headers: { authorization: 'Bearer s3cret' } },
      },
    });
    expect(JSON.parse(written.get('settings')!)).toEqual({ model: 'x' });
    // A settings path stays a path.
    expect(buildArgs({ settings: '/etc/s.json' }, sink)).toContain('--settings=/etc/s.json');
  });

  it('merges sandbox into settings and rejects conflicting options', () => {
    const args = buildArgs({
      settings: { model: 'x' },
      sandbox: { enabled: true, excludedCommands: ['git'] },
    });
    const settings = args.find((a) => a.startsWith('--settings='));
    expect(JSON.parse((settings as string).slice('--settings='.length))).toEqual({
      model: 'x',
      sandbox: { enabled: true, excludedCommands: ['git'] },
    });
    expect(() => buildArgs({ settings: '/s.json', sandbox: { enabled: true } })).toThrow(
      InvalidOptionsError,
    );
    expect(() =>
      buildArgs({
        canUseTool: () => ({ behavior: 'allow' }),
        permissionPromptToolName: 'mcp__x__y',
      }),
    ).toThrow(InvalidOptionsError);
  });

  it('never puts the system prompt or a JSON schema on argv', () => {
    const args = buildArgs({
      systemPrompt: 'secret instructions',
      outputFormat: { type: 'json_schema', schema: { type: 'object' } },
    });
    expect(args.join(' ')).not.toContain('secret instructions');
    expect(args.join(' ')).not.toContain('json-schema');
  });
});
