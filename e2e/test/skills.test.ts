import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, type SDKSystemInitMessage } from '@agentsdk/core';
import {
  createPlugin,
  createSkill,
  discoverSkills,
  validatePlugin,
  withSkills,
} from '@agentsdk/skills';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, say, textSeen } from './wire.js';

describe('@agentsdk/skills against the real CLI', () => {
  it('loads a project skill and a plugin (skill + agent), and the model can invoke the skill', async () => {
    const t = await e2e([
      callTool('Skill', { skill: 'release-notes' }, 'toolu_skill'),
      say('Notes written.'),
    ]);
    await createSkill({
      directory: join(t.cwd, '.claude', 'skills'),
      name: 'release-notes',
      description: 'Writes release notes from a changelog. Use when asked for release notes.',
      body: '# Release notes\n\nSKILL-BODY-MARK: group changes by package, newest first.\n',
    });
    const plugin = join(t.home, 'team-plugin');
    await createPlugin({
      directory: plugin,
      name: 'team-plugin',
      description: 'Team conventions',
      examples: false,
    });
    await createSkill({
      directory: join(plugin, 'skills'),
      name: 'style-guide',
      description: 'Applies the team style guide. Use when reviewing code style.',
      body: 'Use tabs.\n',
    });
    mkdirSync(join(plugin, 'agents'), { recursive: true });
    writeFileSync(
      join(plugin, 'agents', 'reviewer.md'),
      '---\nname: reviewer\ndescription: Reviews changes\n---\nYou review code.\n',
    );
    expect((await validatePlugin(plugin)).valid).toBe(true);

    const options = withSkills(t.options(), {
      settingSources: ['project'],
      plugins: [plugin],
      cwd: t.cwd,
    });
    // What discovery predicts without starting the CLI …
    const predicted = (
      await discoverSkills({
        cwd: t.cwd,
        settingSources: ['project'],
        plugins: [plugin],
        homeDir: t.home,
      })
    ).map((s) => s.name);
    const messages = await collect(query({ prompt: 'write release notes', options }));
    const init = messages.find(
      (m): m is SDKSystemInitMessage => m.type === 'system' && m.subtype === 'init',
    );
    // … is what the CLI reports.
    expect(init?.skills).toEqual(
      expect.arrayContaining(['release-notes', 'team-plugin:style-guide']),
    );
    expect(predicted).toEqual(expect.arrayContaining(['release-notes', 'team-plugin:style-guide']));
    expect(init?.plugins).toContainEqual(expect.objectContaining({ name: 'team-plugin' }));
    expect(init?.agents).toContain('team-plugin:reviewer');
    // The Skill tool loaded the body into the conversation.
    expect(textSeen(t.server.lastMainRequest())).toContain('SKILL-BODY-MARK');
  });
});
