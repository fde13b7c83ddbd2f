import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bins, claude, packageDir, run, tempDir } from './helpers.js';

const support = join(packageDir, 'test', 'support');

describe('agentsdk', () => {
  it('--help lists the commands; an unknown command is a usage error', async () => {
    const help = await run(bins.agentsdk, ['--help']);
    expect(help.code).toBe(0);
    for (const c of ['new', 'validate', 'record', 'replay', 'serve', 'doctor'])
      expect(help.stdout).toContain(`  ${c} `);
    const bad = await run(bins.agentsdk, ['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown command "frobnicate"');
  });

  it.each(['new', 'validate', 'record', 'replay', 'serve', 'doctor'])(
    '%s --help prints usage on stdout',
    async (command) => {
      const result = await run(bins.agentsdk, [command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: agentsdk ${command}`));
    },
  );
});

describe('agentsdk new', () => {
  it('adds each kind of piece to a plugin, and the plugin stays valid', async () => {
    const cwd = tempDir();
    expect(
      (
        await run(bins.create, ['kit', '-t', 'plugin', '--yes', '--no-git', '--no-install'], {
          cwd,
        })
      ).code,
    ).toBe(0);
    const plugin = join(cwd, 'kit');
    const skill = await run(bins.agentsdk, ['new', 'skill', 'extra-skill', '--json'], {
      cwd: plugin,
    });
    expect(skill.code).toBe(0);
    expect(JSON.parse(skill.stdout)).toEqual({
      template: 'skill',
      name: 'extra-skill',
      files: ['skills/extra-skill/SKILL.md'],
    });
    expect((await run(bins.agentsdk, ['new', 'agent', 'helper'], { cwd: plugin })).stdout).toBe(
      'agents/helper.md\n',
    );
    expect((await run(bins.agentsdk, ['new', 'tool', 'word-count'], { cwd: plugin })).stdout).toBe(
      'src/word-count.ts\n',
    );
    expect(readFileSync(join(plugin, 'src', 'word-count.ts'), 'utf8')).toContain(
      "export const wordCount = tool(\n  'word-count',",
    );
    expect((await run(bins.agentsdk, ['new', 'plugin', 'sub'], { cwd: plugin })).stdout).toContain(
      'plugins/sub/.claude-plugin/plugin.json',
    );
    const valid = await run(bins.agentsdk, ['validate', '--json'], { cwd: plugin });
    expect(JSON.parse(valid.stdout)).toMatchObject({ kind: 'plugin', valid: true });
  });

  it("new tool: the tools package's naming rules, one spelling, registered with the server", async () => {
    const cwd = tempDir();
    expect(
      (await run(bins.create, ['weather', '--yes', '--no-git', '--no-install'], { cwd })).code,
    ).toBe(0);
    const project = join(cwd, 'weather');
    for (const name of ['get_weather', 'Weather']) {
      const added = await run(bins.agentsdk, ['new', 'tool', name, '--json'], { cwd: project });
      expect(added.stderr).toContain('Registered in src/index.ts.');
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({ files: [`src/${name}.ts`, 'src/index.ts'] });
      expect(readFileSync(join(project, 'src', `${name}.ts`), 'utf8')).toContain(
        `export const ${name} = tool(\n  '${name}',`,
      );
    }
    const index = readFileSync(join(project, 'src', 'index.ts'), 'utf8');
    expect(index).toContain("import { get_weather } from './get_weather.js';");
    expect(index).toContain("import { Weather } from './Weather.js';");
    expect(index).toContain('tools: [greet, get_weather, Weather],');
    expect(index).toContain('export { greet, phrases, welcome, get_weather, Weather };');
    const bad = await run(bins.agentsdk, ['new', 'tool', 'get weather'], { cwd: project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('tool names use only letters, digits, "_" and "-"');
  });

  it('bad input: unknown template, invalid name, existing files', async () => {
    const cwd = tempDir();
    const unknown = await run(bins.agentsdk, ['new', 'widget', 'x'], { cwd });
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'error Unknown template "widget": use one of tool, skill, plugin, agent.\n',
    ]);
    const invalid = await run(bins.agentsdk, ['new', 'agent', 'Bad_Name'], { cwd });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('Invalid agent name "Bad_Name"');
    expect((await run(bins.agentsdk, ['new', 'agent', 'twice'], { cwd })).code).toBe(0);
    const again = await run(bins.agentsdk, ['new', 'agent', 'twice'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      '.claude/agents/twice.md already exists. Pick another name, or pass --overwrite.',
    );
  });
});

describe('agentsdk validate', () => {
  it('--json: path, kind, valid, counts and positioned diagnostics; exit 1 on errors', async () => {
    const cwd = tempDir();
    const dir = join(cwd, 'bad-skill');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'SKILL.md'),
      '---\nname: Bad_Skill\ndescription: Does things.\n---\nBody\n',
    );
    const result = await run(bins.agentsdk, ['validate', 'bad-skill', '--json'], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'path',
      'kind',
      'valid',
      'errors',
      'warnings',
      'diagnostics',
    ]);
    expect(report).toMatchObject({ path: dir, kind: 'skill', valid: false, errors: 1 });
    expect(report['diagnostics']).toContainEqual(
      expect.objectContaining({ code: 'NAME_FORMAT', severity: 'error', line: 2, column: 7 }),
    );

    const text = await run(bins.agentsdk, ['validate', 'bad-skill'], { cwd });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/bad-skill\/SKILL\.md:2:7 error NAME_FORMAT/);
    expect(text.stderr).toContain('✘ skill');
  });

  it("format violations in a plugin are errors; --lenient gives Claude Code's severities", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'kit', 'skills', 'greet'), { recursive: true });
    mkdirSync(join(cwd, 'kit', 'agents'));
    writeFileSync(join(cwd, 'kit', 'skills', 'greet', 'SKILL.md'), '---\nname: Greet\n---\nHi\n');
    writeFileSync(join(cwd, 'kit', 'agents', 'a.md'), '---\nname: a\n---\nPrompt\n');
    const strict = await run(bins.agentsdk, ['validate', 'kit', '--json'], { cwd });
    expect(strict.code).toBe(1);
    const codes = (
      JSON.parse(strict.stdout) as { diagnostics: { code: string; severity: string }[] }
    ).diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => d.code)
      .sort();
    expect(codes).toEqual(['DESCRIPTION_MISSING', 'DESCRIPTION_MISSING', 'NAME_FORMAT']);
    const lenient = await run(bins.agentsdk, ['validate', 'kit', '--lenient', '--json'], { cwd });
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({ valid: true, errors: 0 });
  });

  it('a missing path is exit 1 with the path named', async () => {
    const cwd = tempDir();
    const result = await run(bins.agentsdk, ['validate', 'nope'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error Nothing to validate at ${join(cwd, 'nope')}: the path does not exist.\n`,
    );
  });
});

describe('agentsdk record and replay (real CLI, scripted model)', () => {
  it('records a session that uses a module’s tool, prints it, and replays it against the tools', async () => {
    const cwd = tempDir();
    const recorded = await run(
      bins.agentsdk,
      [
        'record',
        '-o',
        'add.jsonl',
        '--tools',
        join(support, 'calc.mjs'),
        '--model-script',
        join(support, 'add.script.json'),
        '--cli',
        claude.path,
        '--',
        'What',
        'is',
        '2 + 3?',
      ],
      { cwd },
    );
    expect(recorded.stderr).toContain('[tool_use] mcp__tools__add {"a":2,"b":3}');
    expect(recorded.stderr).toContain('[tool_result] 5');
    expect(recorded.stdout).toBe('2 + 3 = 5\n');
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain('[turn 1]');
    expect(recorded.stderr).toContain('2 turn(s), 1 tool call(s), 0 API retries');
    const fixture = readFileSync(join(cwd, 'add.jsonl'), 'utf8');
    expect(fixture).not.toContain('sk-offline');
    expect(fixture).not.toContain(cwd); // the working directory is redacted
    expect(fixture).toContain('<redacted:cwd>');

    const printed = await run(bins.agentsdk, ['replay', 'add.jsonl'], { cwd });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(
      '[assistant] Adding.\n[tool_use] mcp__tools__add {"a":2,"b":3}\n',
    );
    expect(printed.stdout).toMatch(/\[result\] success, 2 turn\(s\)/);

    const same = await run(
      bins.agentsdk,
      ['replay', 'add.jsonl', '--tools', join(support, 'calc.mjs'), '--json'],
      { cwd },
    );
    expect(same.code).toBe(0);
    const json = JSON.parse(same.stdout) as {
      fixture: string;
      lines: string[];
      divergences: unknown[];
    };
    expect(Object.keys(json)).toEqual(['fixture', 'lines', 'divergences']);
    expect(json.divergences).toEqual([]);

    const changed = await run(
      bins.agentsdk,
      ['replay', 'add.jsonl', '--tools', join(support, 'calc.mjs')],
      { cwd, env: { CALC_OFF_BY_ONE: '1' } },
    );
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('expected: "5"');
    expect(changed.stderr).toContain('actual:   "6"');
  }, 60_000);

  it('fails fast without credentials, naming --model-script; writes no fixture', async () => {
    const cwd = tempDir();
    const result = await run(bins.agentsdk, ['record', '-o', 'x.jsonl', '--', 'hi'], {
      cwd,
      env: {
        HOME: tempDir(),
        ANTHROPIC_API_KEY: '',
        ANTHROPIC_AUTH_TOKEN: '',
        CLAUDE_CODE_OAUTH_TOKEN: '',
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No Anthropic credentials');
    expect(result.stderr).toContain('--model-script <script.json>');
    expect(existsSync(join(cwd, 'x.jsonl'))).toBe(false);
  });

  it('a failed session writes a fixture only with --keep-failed', async () => {
    const cwd = tempDir();
    const args = (...extra: string[]) => [
      'record',
      '-o',
      'failed.jsonl',
      '--model-script',
      join(support, 'fail.script.json'),
      '--cli',
      claude.path,
      ...extra,
      '--',
      'hi',
    ];
    const dropped = await run(bins.agentsdk, args(), { cwd });
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain('No fixture written (pass --keep-failed to keep one).');
    expect(existsSync(join(cwd, 'failed.jsonl'))).toBe(false);
    const kept = await run(bins.agentsdk, args('--keep-failed'), { cwd });
    expect(kept.code).toBe(1);
    expect(existsSync(join(cwd, 'failed.jsonl'))).toBe(true);
  }, 60_000);

  it('bad input: missing fixture, missing -o, a module without tools', async () => {
    const cwd = tempDir();
    const missing = await run(bins.agentsdk, ['replay', 'gone.jsonl'], { cwd });
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `error Fixture not found: ${join(cwd, 'gone.jsonl')}.\n`,
    ]);
    const noOutput = await run(bins.agentsdk, ['record', '--', 'hi'], { cwd });
    expect([noOutput.code, noOutput.stderr]).toEqual([
      2,
      'error agentsdk record: -o <file.jsonl> is required.\n',
    ]);
    writeFileSync(join(cwd, 'empty.mjs'), 'export const x = 1;\n');
    const noTools = await run(bins.agentsdk, ['serve', 'empty.mjs'], { cwd });
    expect(noTools.code).toBe(1);
    expect(noTools.stderr).toContain('empty.mjs exports no tools');
    const noModule = await run(bins.agentsdk, ['serve', 'nope.js'], { cwd });
    expect(noModule.code).toBe(1);
    expect(noModule.stderr).toContain('Tools module not found');
    const hostOnly = await run(bins.agentsdk, ['serve', 'empty.mjs', '--host', '0.0.0.0'], { cwd });
    expect([hostOnly.code, hostOnly.stderr]).toEqual([
      2,
      'error agentsdk serve: --host needs --http <port> (stdio has no address).\n',
    ]);
  });
});

describe('agentsdk doctor', () => {
  it('--json --smoke: finds the CLI, its version, Node, and runs an offline session', async () => {
    const result = await run(bins.agentsdk, ['doctor', '--json', '--smoke', '--cli', claude.path]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { name: string; status: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['node', 'ok'],
      ['cli', 'ok'],
      ['cli-version', 'ok'],
      ['smoke', 'ok'],
    ]);
  }, 60_000);

  it('reports a missing CLI and a placeholder binary with fixes, exit 1', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'claude'), Buffer.alloc(100, 0x7f), { mode: 0o755 });
    const result = await run(bins.agentsdk, ['doctor'], {
      cwd: bin,
      env: { PATH: bin, HOME: bin, CLAUDE_CLI_PATH: '', CLAUDE_CODE_CLI_PATH: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `! placeholder: ${join(bin, 'claude')} is the npm package's placeholder binary`,
    );
    expect(result.stdout).toContain('fix: Run `npm rebuild @anthropic-ai/claude-code`');
    expect(result.stdout).toContain('✘ cli: Claude Code CLI not found.');
    expect(existsSync(join(bin, 'claude'))).toBe(true);
  });
});
