import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AbortError,
  ClaudeSDKClient,
  filterEscalatingDefaultMode,
  query,
  resolveSettings,
  type SDKControlPermissionRulesState,
  type SDKMessage,
} from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, results, say } from './wire.js';

function write(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
}

describe('settings outside and inside a session', () => {
  it('resolveSettings() agrees with the CLI’s getSettings(), and listPermissionRules() is typed', async () => {
    const t = await e2e([say('a')]);
    // User settings under CLAUDE_CONFIG_DIR, as the CLI reads them when it is set.
    const configDir = join(t.home, 'config');
    write(join(configDir, 'settings.json'), {
      model: 'user-model',
      env: { A: 'u', B: 'u' },
      permissions: { allow: ['Read'], deny: ['WebFetch'] },
      cleanupPeriodDays: 10,
    });
    write(join(t.cwd, '.claude', 'settings.json'), {
      model: 'project-model',
      env: { B: 'p' },
      permissions: { allow: ['Read', 'Glob'], defaultMode: 'acceptEdits' },
      includeCoAuthoredBy: false,
    });
    write(join(t.cwd, '.claude', 'settings.local.json'), {
      permissions: { ask: ['Bash(git push *)'] },
      outputStyle: 'default',
    });

    const ours = await resolveSettings({ cwd: t.cwd, configDir });
    const q = query({
      prompt: 'hi',
      options: t.options({
        settingSources: ['user', 'project', 'local'],
        allowedTools: ['Grep'],
        addDirs: [t.tmp],
        env: { CLAUDE_CONFIG_DIR: configDir },
      }),
    });
    const cli = await q.getSettings();
    const rules: SDKControlPermissionRulesState = await q.listPermissionRules();
    const aborted = await q
      .listPermissionRules({ signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    await collect(q);

    expect(ours.effective).toEqual(cli.effective);
    expect(ours.sources.map((s) => [`${s.source}Settings`, s.settings])).toEqual(
      cli.sources.map((s) => [s.source, s.settings]),
    );
    expect(ours.provenance.model?.source).toBe('project');
    expect(ours.provenance.outputStyle?.source).toBe('local');
    expect(filterEscalatingDefaultMode(ours).permissions?.defaultMode).toBeUndefined();

    // What CLI 2.1.331 answers to list_permission_rules, through the typed method.
    expect(rules.originalCwd).toBe(t.cwd);
    expect(rules.managedOnly).toBe(false);
    expect(rules.workspaceDirectories).toEqual([{ path: t.tmp, source: 'cliArg' }]);
    expect(rules.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          behavior: 'allow',
          source: 'userSettings',
          rule: 'Read',
          editability: 'persistent',
        }),
        expect.objectContaining({
          behavior: 'allow',
          source: 'cliArg',
          rule: 'Grep',
          editability: 'session',
          description: { prefix: 'Any use of the ', emphasis: 'Grep', suffix: ' tool' },
        }),
        expect.objectContaining({ behavior: 'deny', source: 'userSettings', rule: 'WebFetch' }),
      ]),
    );
    expect(aborted).toBeInstanceOf(AbortError);
  });

  it('a session grant answered with decisionClassification runs, and listPermissionRules() lists it', async () => {
    const t = await e2e([
      callTool('Bash', { command: 'touch granted.txt', description: 'Create granted.txt' }),
      say('done'),
    ]);
    await using client = new ClaudeSDKClient(
      t.options({
        canUseTool: () => ({
          behavior: 'allow',
          decisionClassification: 'user_permanent',
          updatedPermissions: [
            {
              type: 'addRules',
              rules: [{ toolName: 'Bash', ruleContent: 'touch *' }],
              behavior: 'allow',
              destination: 'session',
            },
          ],
        }),
      }),
    );
    await client.connect();
    await client.query('create it');
    const turn: SDKMessage[] = [];
    for await (const m of client.receiveResponse()) turn.push(m);
    expect(results(turn)[0]?.is_error).toBe(false);
    expect(existsSync(join(t.cwd, 'granted.txt'))).toBe(true);
    const { rules } = await client.listPermissionRules({ timeoutMs: 20_000 });
    expect(rules).toContainEqual(
      expect.objectContaining({
        behavior: 'allow',
        source: 'session',
        rule: 'Bash(touch *)',
        editability: 'session',
      }),
    );
  });
});
