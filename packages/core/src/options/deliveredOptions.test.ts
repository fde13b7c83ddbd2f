import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../test/FakeTransport.js';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import { query } from '../query/query.js';
import { initializeRequest } from '../session/initializeRequest.js';
import { BASE_ARGS, buildArgs } from '../transport/buildArgs.js';
import type { SDKWarning } from './ClaudeAgentOptions.js';
import { validateOptions } from './validateOptions.js';

// The options the official SDK delivers on argv, in `initialize` or on the user message: the same
// flag, field or marker as it (checked against the 2.1.331 binary in e2e/test/deliveredOptions).
const args = (options: Parameters<typeof buildArgs>[0]) =>
  buildArgs(options).slice(BASE_ARGS.length);

describe('options delivered like the official SDK', () => {
  it('puts agent, taskBudget, permissionPrompts, projectConfigRoot, resumeDropsTurn and managedSettings on argv', () => {
    expect(
      args({
        agent: 'reviewer',
        taskBudget: { total: 20_000 },
        permissionPrompts: 'none',
        projectConfigRoot: '/repo',
        resume: 's',
        resumeSessionAt: 'u1',
        resumeDropsTurn: 'u2',
        managedSettings: { permissions: { deny: ['Bash'] } },
      }),
    ).toEqual([
      '--task-budget=20000',
      '--agent=reviewer',
      '--permission-prompts=none',
      '--resume=s',
      '--setting-sources=',
      '--project-config-root=/repo',
      '--resume-session-at=u1',
      '--resume-drops-turn=u2',
      '--managed-settings={"permissions":{"deny":["Bash"]}}',
    ]);
  });

  it('turns skills into Skill rules on --allowedTools and sends a list at initialize', () => {
    expect(args({ allowedTools: ['Read', 'Skill(pdf)'], skills: ['pdf', 'team:docx'] })).toContain(
      '--allowedTools=Read,Skill(pdf),Skill(team:docx)',
    );
    expect(args({ skills: 'all' })).toContain('--allowedTools=Skill');
    expect(initializeRequest({ skills: ['pdf'] })).toMatchObject({ skills: ['pdf'] });
    expect(initializeRequest({ skills: 'all' })).not.toHaveProperty('skills');
  });

  it('moves MCP servers and plugins into initialize with --await-initialize when asked', () => {
    const options = {
      mcpServers: {
        api: { type: 'http' as const, url: 'https://x', headers: { authorization: 'Bearer t' } },
      },
      plugins: [{ type: 'local' as const, path: '/plugins/p' }],
    };
    const onArgv = args(options).join(' ');
    expect(onArgv).toContain('--mcp-config');
    expect(onArgv).toContain('--plugin-dir=/plugins/p');
    expect(onArgv).not.toContain('--await-initialize');

    const viaInit = {
      ...options,
      mcpServersDelivery: 'initialize',
      pluginDelivery: 'initialize',
    } as const;
    const argv = args(viaInit).join(' ');
    expect(argv).not.toContain('--mcp-config');
    expect(argv).not.toContain('Bearer');
    expect(argv).not.toContain('--plugin-dir');
    expect(args(viaInit)).toContain('--await-initialize');
    expect(initializeRequest(viaInit)).toMatchObject({
      mcpServers: options.mcpServers,
      plugins: options.plugins,
    });
    // Nothing to deliver: no waiting for initialize either.
    expect(args({ mcpServersDelivery: 'initialize', pluginDelivery: 'initialize' })).not.toContain(
      '--await-initialize',
    );
  });

  it('warns when the CLI did not take the MCP servers or plugins sent at initialize', async () => {
    const warnings: SDKWarning[] = [];
    const fake = new FakeTransport();
    const q = query({
      prompt: 'x',
      options: {
        mcpServers: { api: { type: 'http', url: 'https://x' } },
        mcpServersDelivery: 'initialize',
        plugins: [{ type: 'local', path: '/plugins/p' }],
        pluginDelivery: 'initialize',
        onWarning: (w) => warnings.push(w),
      },
      transport: fake,
    });
    await q.getServerInfo();
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('did not take the MCP servers sent at initialize (api)'),
      expect.stringContaining('did not load every plugin sent at initialize (/plugins/p)'),
    ]);
    await q.return();
  });

  it('sends perTaskStopAffordance at initialize', () => {
    expect(initializeRequest({ perTaskStopAffordance: true })).toMatchObject({
      perTaskStopAffordance: true,
    });
    expect(initializeRequest({})).not.toHaveProperty('perTaskStopAffordance');
  });

  it('marks every user message client_composed with verbatimPrompts', async () => {
    for (const verbatimPrompts of [true, false]) {
      const fake = new FakeTransport();
      const q = query({
        prompt: '@secrets.txt /compact',
        options: { verbatimPrompts },
        transport: fake,
      });
      const user = fake.waitForWrite((m) => m.type === 'user');
      void q.next();
      expect(await user).toMatchObject(verbatimPrompts ? { client_composed: true } : {});
      if (!verbatimPrompts) expect(await user).not.toHaveProperty('client_composed');
      await q.return();
    }
  });

  it('validates the new options by the official types', () => {
    const bad = (options: unknown) => {
      try {
        validateOptions(options);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidOptionsError);
        return (error as InvalidOptionsError).issues.map((i) => i.key);
      }
      return [];
    };
    expect(
      bad({
        skills: ['ok', ' padded', 'a,b'],
        taskBudget: { total: 0 },
        permissionPrompts: 'ask',
        mcpServersDelivery: 'stdin',
        toolConfig: { askUserQuestion: { previewFormat: 'pdf' } },
        agent: '',
        spawnClaudeCodeProcess: 'ssh',
      }),
    ).toEqual(
      expect.arrayContaining([
        'skills.1',
        'skills.2',
        'taskBudget.total',
        'permissionPrompts',
        'mcpServersDelivery',
        'toolConfig.askUserQuestion.previewFormat',
        'agent',
        'spawnClaudeCodeProcess',
      ]),
    );
    expect(bad({ user: 'nobody', spawnClaudeCodeProcess: () => ({}) })).toEqual(['user']);
    expect(bad({ skil: 'all' })).toEqual(['skil']);
    expect(
      bad({
        skills: 'all',
        toolConfig: { askUserQuestion: { previewFormat: 'html' } },
        verbatimPrompts: true,
        pluginDelivery: 'initialize',
      }),
    ).toEqual([]);
  });
});
