import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../src/index.js';
import { bins, claude, run, sh, tempDir } from './helpers.js';

describe('create-agent-tool (flags, no prompts)', () => {
  it.each(TEMPLATES.filter((t) => t !== 'tool'))(
    'the %s template passes agentsdk validate and claude plugin validate',
    async (template) => {
      const cwd = tempDir();
      const made = await run(
        bins.create,
        [`my-${template}`, '--template', template, '--yes', '--no-git', '--no-install'],
        { cwd },
      );
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout).toContain(`Created ${template} my-${template}`);
      expect(made.stdout).toContain(
        `cd my-${template}\n  npm install\n  npx agentsdk validate .\n`,
      );
      const dir = join(cwd, `my-${template}`);
      const ours = await run(bins.agentsdk, ['validate', dir, '--json', '--strict'], { cwd });
      expect(ours.code).toBe(0);
      expect(JSON.parse(ours.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 0 });
      const theirs = await sh(claude.path, ['plugin', 'validate', '.'], dir, { HOME: tempDir() });
      expect(theirs.stdout + theirs.stderr).toMatch(/Validation passed/);
      expect(theirs.code).toBe(0);
    },
    60_000,
  );

  it('writes the tool project with next steps for the detected package manager', async () => {
    const cwd = tempDir();
    const made = await run(
      bins.create,
      ['@me/fancy-tool', '--no-install', '--no-git', '-d', 'Says "hi".'],
      {
        cwd,
        env: { npm_config_user_agent: 'pnpm/10.34.8 npm/? node/v20.20.2 linux x64' },
      },
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(
      'Next steps:\n  cd fancy-tool\n  pnpm install\n  pnpm build\n  pnpm test\n  claude mcp add fancy-tool -- node "$PWD/dist/server.js"\n',
    );
    const pkg = JSON.parse(readFileSync(join(cwd, 'fancy-tool', 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg).toMatchObject({
      name: '@me/fancy-tool',
      description: 'Says "hi".',
      bin: { 'fancy-tool': './dist/server.js' },
    });
    expect(existsSync(join(cwd, 'fancy-tool', '.gitignore'))).toBe(true);
    expect(
      readFileSync(join(cwd, 'fancy-tool', 'test', 'fixtures', 'greet.jsonl'), 'utf8'),
    ).toContain('"fancy-tool"');
  });

  it('runs git init unless --no-git', async () => {
    const cwd = tempDir();
    expect(
      (await run(bins.create, ['with-git', '-t', 'skill', '--yes', '--no-install'], { cwd })).code,
    ).toBe(0);
    expect(existsSync(join(cwd, 'with-git', '.git'))).toBe(true);
  });

  it('refuses a non-empty directory without --overwrite, and empties it with', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'old.txt'), 'old');
    const refused = await run(bins.create, ['taken', '-t', 'agent', '--no-git', '--no-install'], {
      cwd,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/taken is not empty \(1 entries\).*--overwrite/);
    expect(refused.stdout).toBe('');
    const replaced = await run(
      bins.create,
      ['taken', '-t', 'agent', '--no-git', '--no-install', '--overwrite'],
      {
        cwd,
      },
    );
    expect(replaced.code).toBe(0);
    expect(existsSync(join(cwd, 'taken', 'old.txt'))).toBe(false);
    expect(existsSync(join(cwd, 'taken', '.claude', 'agents', 'taken.md'))).toBe(true);
  });

  it.each([
    [
      ['x', '--template', 'widget'],
      2,
      'Unknown template "widget": use one of tool, skill, plugin, agent.',
    ],
    [['My_Tool'], 2, 'Invalid package name "My_Tool": it has capital letters.'],
    [['Bad Skill', '-t', 'skill'], 2, 'Invalid skill name "Bad Skill"'],
    [['x', '--pm', 'pip'], 2, 'Unknown package manager "pip"'],
    [['x', '--frobnicate'], 2, "Unknown option '--frobnicate'"],
    [[], 2, 'no name. Pass a directory or --name'],
  ])('bad input %j → exit %i and a clear message', async (args, code, message) => {
    const cwd = tempDir();
    const result = await run(bins.create, args, { cwd });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('--help prints usage on stdout', async () => {
    const result = await run(bins.create, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: create-agent-tool \[directory\] \[options\]/);
    expect(result.stdout).toContain('--no-install');
  });
});
