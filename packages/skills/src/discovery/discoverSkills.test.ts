import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverSkills } from './discoverSkills.js';
import { projectSkillRoots } from './projectSkillRoots.js';

let base: string;
const write = async (path: string, text: string) => {
  await mkdir(dirname(join(base, path)), { recursive: true });
  await writeFile(join(base, path), text);
};
const skill = (description: string, extra = '') =>
  `---\ndescription: ${description}\n${extra}---\nBody.\n`;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'skills-discover-'));
  await write('home/.claude/skills/mine/SKILL.md', skill('Mine. Use when mine.'));
  await write('home/work/repo/.git/HEAD', 'ref: refs/heads/main\n');
  await write('home/work/repo/.claude/skills/alpha/SKILL.md', skill('Alpha. Use when alpha.'));
  await write(
    'home/work/repo/pkg/.claude/skills/beta/SKILL.md',
    skill('Beta. Use when beta.', 'user-invocable: false\n'),
  );
  await write('home/work/repo/pkg/.claude/skills/notes.md', 'not a skill');
  await write('home/work/repo/pkg/.claude/skills/no-skill-md/README.md', 'not a skill');
  await write('home/work/.claude/skills/outside/SKILL.md', skill('Outside the repo.'));
  await write(
    'plugin/.claude-plugin/plugin.json',
    JSON.stringify({ name: 'tools', skills: ['./extra', './single'] }),
  );
  await write(
    'plugin/skills/gamma/SKILL.md',
    skill('Gamma. Use when gamma.', 'disable-model-invocation: true\n'),
  );
  await write('plugin/extra/delta/SKILL.md', skill('Delta. Use when delta.'));
  await write('plugin/single/SKILL.md', skill('Single. Use when single.', 'name: one-skill\n'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('discoverSkills', () => {
  const cwd = () => join(base, 'home/work/repo/pkg');
  const home = () => join(base, 'home');

  it('finds nothing without setting sources or plugins (core default)', async () => {
    expect(await discoverSkills({ cwd: cwd(), homeDir: home() })).toEqual([]);
  });

  it('finds user skills, then project skills nearest first, up to the git root', async () => {
    const skills = await discoverSkills({
      cwd: cwd(),
      homeDir: home(),
      settingSources: ['user', 'project', 'local'],
    });
    expect(skills.map((s) => [s.name, s.source])).toEqual([
      ['mine', 'user'],
      ['beta', 'project'],
      ['alpha', 'project'],
    ]);
    expect(skills[1]).toMatchObject({
      description: 'Beta. Use when beta.',
      userInvocable: false,
      modelInvocable: true,
      path: join(cwd(), '.claude/skills/beta/SKILL.md'),
      directory: join(cwd(), '.claude/skills/beta'),
    });
  });

  it('reports what is wrong with each skill (folder name used, name missing)', async () => {
    const [mine] = await discoverSkills({ homeDir: home(), settingSources: ['user'] });
    expect(mine?.diagnostics.map((d) => d.code)).toEqual(['NAME_MISSING']);
    const [quiet] = await discoverSkills({
      homeDir: home(),
      settingSources: ['user'],
      validate: false,
    });
    expect(quiet?.diagnostics).toEqual([]);
  });

  it('reads plugin skills: skills/, declared folders and a declared skill', async () => {
    const skills = await discoverSkills({
      cwd: base,
      homeDir: home(),
      plugins: [{ type: 'local', path: 'plugin' }],
    });
    expect(skills.map((s) => s.name)).toEqual(['tools:gamma', 'tools:delta', 'tools:one-skill']);
    expect(skills[0]).toMatchObject({
      source: 'plugin',
      plugin: { name: 'tools', root: join(base, 'plugin') },
      modelInvocable: false,
      skillName: 'gamma',
    });
  });

  it('honours configDir for user skills', async () => {
    await write('config/skills/conf/SKILL.md', skill('Conf. Use when conf.'));
    const skills = await discoverSkills({
      homeDir: home(),
      configDir: join(base, 'config'),
      settingSources: ['user'],
    });
    expect(skills.map((s) => s.name)).toEqual(['conf']);
  });
});

describe('projectSkillRoots', () => {
  it('walks up to the git root', () => {
    expect(projectSkillRoots(join(base, 'home/work/repo/pkg'), join(base, 'home'))).toEqual([
      join(base, 'home/work/repo/pkg/.claude/skills'),
      join(base, 'home/work/repo/.claude/skills'),
    ]);
  });

  it('without git, stops before the home folder', () => {
    expect(projectSkillRoots(join(base, 'home/work'), join(base, 'home'))).toEqual([
      join(base, 'home/work/.claude/skills'),
    ]);
  });
});
