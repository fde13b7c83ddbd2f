import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentsDirectory } from '../src/agents/agentFiles.js';
import { discoverSkills, type DiscoveredSkill } from '../src/discovery/discoverSkills.js';
import { findRealCli, initMessage } from './realCli.js';

const cli = findRealCli();

/** A project (in a git repo, below a parent with skills the CLI must not see), a home and a plugin. */
const FILES: Record<string, string> = {
  'home/.claude/skills/personal/SKILL.md':
    '---\nname: personal\ndescription: Personal notes. Use when asked about notes.\n---\nNotes.\n',
  'home/code/.claude/skills/above-repo/SKILL.md':
    '---\ndescription: Above the repository root.\n---\nx\n',
  'home/code/repo/.git/HEAD': 'ref: refs/heads/main\n',
  'home/code/repo/.claude/skills/deploy/SKILL.md':
    '---\nname: deploy\ndescription: Deploys the app. Use when asked to ship.\n---\nRun make deploy.\n',
  'home/code/repo/app/.claude/skills/lint-rules/SKILL.md':
    '---\ndescription: Lint rules. Use when linting.\nuser-invocable: false\n---\nx\n',
  'home/code/repo/app/.claude/skills/manual-only/SKILL.md':
    '---\ndescription: Manual. Use when asked.\ndisable-model-invocation: true\n---\nx\n',
  'home/code/repo/app/.claude/skills/no-description/SKILL.md':
    '---\nname: no-description\n---\nx\n',
  'home/code/repo/app/.claude/skills/nested/inner/SKILL.md':
    '---\ndescription: Too deep.\n---\nx\n',
  'plugin/.claude-plugin/plugin.json': JSON.stringify({
    name: 'kit',
    version: '1.0.0',
    skills: ['./bonus', './standalone'],
  }),
  'plugin/skills/format/SKILL.md': '---\ndescription: Formats code. Use when formatting.\n---\nx\n',
  'plugin/bonus/extra/SKILL.md': '---\ndescription: Extra. Use when extra.\n---\nx\n',
  'plugin/standalone/SKILL.md': '---\nname: solo\ndescription: Solo. Use when solo.\n---\nx\n',
  'plugin/agents/checker.md':
    '---\nname: checker\ndescription: Checks things. Use after edits.\n---\nCheck.\n',
  'plugin/agents/unnamed.md': '---\ndescription: No name.\n---\nCheck.\n',
};

describe.skipIf(!cli)('[cli] discoverSkills finds what the CLI loads', () => {
  let base: string;
  let builtin: { skills: Set<string>; agents: Set<string> };
  const cwd = () => join(base, 'home/code/repo/app');
  const home = () => join(base, 'home');
  const plugin = () => join(base, 'plugin');

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'skills-discovery-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(base, path)), { recursive: true });
      await writeFile(join(base, path), text);
    }
    const empty = await mkdtemp(join(tmpdir(), 'skills-empty-home-'));
    const init = await initMessage(cli!, ['--setting-sources='], { cwd: empty, home: empty });
    await rm(empty, { recursive: true, force: true });
    builtin = {
      skills: new Set(init.slash_commands as string[]),
      agents: new Set(init.agents as string[]),
    };
  }, 60_000);

  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });

  const own = (names: unknown, known: Set<string>) =>
    (names as string[]).filter((n) => !known.has(n)).sort();
  // Observed in 2.1.x: init `skills` lists user-invocable skills that have a description;
  // `slash_commands` lists every user-invocable skill.
  const listed = (skills: DiscoveredSkill[]) =>
    skills
      .filter((s) => s.userInvocable && s.description !== undefined)
      .map((s) => s.name)
      .sort();
  const commands = (skills: DiscoveredSkill[]) =>
    skills
      .filter((s) => s.userInvocable)
      .map((s) => s.name)
      .sort();

  it.each([[['project']], [['user']], [['user', 'project']], [[]]] as const)(
    'settingSources %j',
    async (sources) => {
      const init = await initMessage(cli!, [`--setting-sources=${sources.join(',')}`], {
        cwd: cwd(),
        home: home(),
      });
      const skills = await discoverSkills({
        cwd: cwd(),
        homeDir: home(),
        settingSources: [...sources],
      });
      expect(own(init.skills, builtin.skills)).toEqual(listed(skills));
      expect(own(init.slash_commands, builtin.skills)).toEqual(commands(skills));
    },
  );

  it('a local plugin: skills, and agents named <plugin>:<name>', async () => {
    const init = await initMessage(cli!, ['--setting-sources=', `--plugin-dir=${plugin()}`], {
      cwd: cwd(),
      home: home(),
    });
    const skills = await discoverSkills({ cwd: cwd(), homeDir: home(), plugins: [plugin()] });
    expect(skills.map((s) => s.name).sort()).toEqual(['kit:extra', 'kit:format', 'kit:solo']);
    expect(own(init.skills, builtin.skills)).toEqual(listed(skills));
    const { files } = await loadAgentsDirectory(join(plugin(), 'agents'));
    expect(own(init.agents, builtin.agents)).toEqual(files.map((f) => `kit:${f.name}`).sort());
    expect(init.plugins).toContainEqual(expect.objectContaining({ name: 'kit', path: plugin() }));
  });
});
