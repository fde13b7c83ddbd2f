import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  query,
  type SDKMessage,
  type SDKSystemInitMessage,
  type SDKWarning,
  type SpawnedProcess,
  type SpawnOptions,
} from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, results, say, textSeen, toolResultsIn } from './wire.js';

// The options the official SDK delivers on argv, at initialize or on the user message, against
// the real CLI: each one's effect, seen in what the model was sent or what the CLI reports.

function init(messages: SDKMessage[]): SDKSystemInitMessage {
  const found = messages.find(
    (m): m is SDKSystemInitMessage => m.type === 'system' && m.subtype === 'init',
  );
  if (!found) throw new Error('no system/init message');
  return found;
}

function writeSkill(root: string, name: string, mark: string): void {
  mkdirSync(join(root, '.claude', 'skills', name), { recursive: true });
  writeFileSync(
    join(root, '.claude', 'skills', name, 'SKILL.md'),
    `---\nname: ${name}\ndescription: ${mark} Use when asked about ${name}.\n---\nBody of ${name}.\n`,
  );
}

describe('options delivered like the official SDK, on the real CLI', () => {
  it('agent runs the main thread as an agent; projectConfigRoot reads .claude from the trunk', async () => {
    const t = await e2e([say('a'), say('b')]);
    const messages = await collect(
      query({
        prompt: 'review',
        options: t.options({
          agents: { reviewer: { description: 'Reviews', prompt: 'REVIEWER-MAIN-MARK' } },
          agent: 'reviewer',
        }),
      }),
    );
    expect(results(messages)[0]).toMatchObject({ subtype: 'success' });
    expect(JSON.stringify(t.server.lastMainRequest()?.body?.system)).toContain(
      'REVIEWER-MAIN-MARK',
    );

    // A worktree without .claude; its trunk defines the agent.
    const trunk = join(t.home, 'trunk');
    mkdirSync(join(trunk, '.claude', 'agents'), { recursive: true });
    writeFileSync(
      join(trunk, '.claude', 'agents', 'trunk-agent.md'),
      '---\nname: trunk-agent\ndescription: From the trunk\n---\nTRUNK-AGENT-MARK\n',
    );
    const fromTrunk = await collect(
      query({
        prompt: 'hi',
        options: t.options({ settingSources: ['project'], projectConfigRoot: trunk }),
      }),
    );
    expect(init(fromTrunk).agents).toContain('trunk-agent');
  });

  it('skills limits the skills the model is offered to the listed ones', async () => {
    const t = await e2e([say('a')]);
    writeSkill(t.cwd, 'alpha', 'ALPHA-SKILL-MARK');
    writeSkill(t.cwd, 'beta', 'BETA-SKILL-MARK');
    const messages = await collect(
      query({
        prompt: 'hi',
        options: t.options({ settingSources: ['project'], skills: ['alpha'] }),
      }),
    );
    expect(results(messages)[0]).toMatchObject({ subtype: 'success' });
    const seen = textSeen(t.server.lastMainRequest());
    expect(seen).toContain('ALPHA-SKILL-MARK');
    expect(seen).not.toContain('BETA-SKILL-MARK');
  });

  it('managedSettings deny what allowedTools allows; permissionPrompts none denies without asking', async () => {
    const t = await e2e([
      callTool('Bash', { command: 'echo managed' }, 'toolu_managed'),
      say('a'),
      callTool('Write', { file_path: 'nobody.txt', content: 'x' }, 'toolu_none'),
      say('b'),
    ]);
    await collect(
      query({
        prompt: 'run it',
        options: t.options({
          allowedTools: ['Bash'],
          managedSettings: { permissions: { deny: ['Bash'] } },
        }),
      }),
    );
    expect(toolResultsIn(t.server.lastMainRequest())).toEqual([
      expect.objectContaining({ tool_use_id: 'toolu_managed', is_error: true }),
    ]);

    let asked = 0;
    await collect(
      query({
        prompt: 'run it',
        options: t.options({
          permissionPrompts: 'none',
          canUseTool: () => {
            asked += 1;
            return { behavior: 'allow' };
          },
          taskBudget: { total: 40_000 },
          perTaskStopAffordance: true,
          toolConfig: { askUserQuestion: { previewFormat: 'html' } },
        }),
      }),
    );
    expect(asked).toBe(0);
    expect(existsSync(join(t.cwd, 'nobody.txt'))).toBe(false);
    expect(toolResultsIn(t.server.lastMainRequest())).toEqual([
      expect.objectContaining({ tool_use_id: 'toolu_none', is_error: true }),
    ]);
    expect(t.server.lastMainRequest()?.body?.output_config).toMatchObject({
      task_budget: { total: 40_000 },
    });
  });

  it('verbatimPrompts sends the prompt as written: no @file expansion', async () => {
    const t = await e2e([say('a'), say('b')]);
    writeFileSync(join(t.cwd, 'notes.txt'), 'FILE-CONTENT-MARK\n');
    await collect(query({ prompt: 'read @notes.txt', options: t.options() }));
    expect(textSeen(t.server.lastMainRequest())).toContain('FILE-CONTENT-MARK');
    await collect(
      query({ prompt: 'read @notes.txt', options: t.options({ verbatimPrompts: true }) }),
    );
    expect(textSeen(t.server.lastMainRequest())).not.toContain('FILE-CONTENT-MARK');
  });

  it('mcpServersDelivery and pluginDelivery initialize: servers and plugins arrive at initialize', async () => {
    const t = await e2e([say('a')]);
    const plugin = join(t.home, 'team-plugin');
    mkdirSync(join(plugin, '.claude-plugin'), { recursive: true });
    writeFileSync(
      join(plugin, '.claude-plugin', 'plugin.json'),
      JSON.stringify({ name: 'team-plugin', version: '1.0.0', description: 'Team' }),
    );
    const warnings: SDKWarning[] = [];
    const calculator = fileURLToPath(new URL('./fixtures/calculatorStdio.mjs', import.meta.url));
    const q = query({
      prompt: 'hi',
      options: t.options({
        mcpServers: { calc: { command: process.execPath, args: [calculator] } },
        mcpServersDelivery: 'initialize',
        plugins: [{ type: 'local', path: plugin }],
        pluginDelivery: 'initialize',
        onWarning: (w) => warnings.push(w),
      }),
    });
    const info = await q.getServerInfo();
    expect(info).toMatchObject({ mcp_servers_applied: true, plugins_applied: true });
    const messages = await collect(q);
    expect(init(messages).mcp_servers).toContainEqual(
      expect.objectContaining({ name: 'calc', status: 'connected' }),
    );
    expect(init(messages).plugins.map((p) => p.name)).toContain('team-plugin');
    expect(warnings.filter((w) => w.code === 'CONFIG')).toEqual([]);
  });

  it('spawnClaudeCodeProcess starts the real CLI through the caller', async () => {
    const t = await e2e([say('spawned by the caller')]);
    const started: SpawnOptions[] = [];
    let child: SpawnedProcess | undefined;
    const messages = await collect(
      query({
        prompt: 'hi',
        options: t.options({
          spawnClaudeCodeProcess: (options): SpawnedProcess => {
            started.push(options);
            child = spawn(options.command, options.args, {
              cwd: options.cwd,
              env: options.env,
              signal: options.signal,
              stdio: ['pipe', 'pipe', 'pipe'],
            });
            return child;
          },
        }),
      }),
    );
    expect(results(messages)[0]).toMatchObject({ result: 'spawned by the caller' });
    expect(started).toHaveLength(1);
    expect(started[0]?.cwd).toBe(t.cwd);
    expect(child?.exitCode).toBe(0);
  });
});
