/**
 * The prompts, driven through a real pseudo-terminal (`script` from util-linux): the answers
 * produce the same files as the flag form.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bins, run, snapshotDir, tempDir } from './helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Run `command` in a pty; `steps` are [text to wait for, keys to send]. Resolves with the exit code. */
function inPty(
  command: string,
  cwd: string,
  steps: [string, string][],
  timeoutMs = 30_000,
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; ${command}`, '/dev/null'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', npm_config_user_agent: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let next = 0;
    let from = 0; // search only what came after the last answer
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `pty timed out waiting for ${JSON.stringify(steps[next]?.[0])}; screen:\n${screen}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      while (next < steps.length && screen.includes(steps[next]![0], from)) {
        const [, keys] = steps[next]!;
        next += 1;
        from = screen.length;
        child.stdin.write(keys);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

describe.skipIf(!hasScript)('create-agent-tool in a terminal', () => {
  it('asks for template, name and description; the answers give the flag form files', async () => {
    const cwd = tempDir();
    const { code, screen } = await inPty(
      `${process.execPath} ${bins.create} --no-install --no-git`,
      cwd,
      [
        ['What do you want to build?', '\x1b[B\r'], // arrow down: skill
        ['Skill name:', 'pty-skill\r'],
        ['Description:', 'Made in a terminal. Use when testing prompts.\r'],
      ],
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain('Created skill pty-skill');

    const flagCwd = tempDir();
    const flags = await run(
      bins.create,
      [
        '--template',
        'skill',
        '--name',
        'pty-skill',
        '--description',
        'Made in a terminal. Use when testing prompts.',
        '--yes',
        '--no-git',
        '--no-install',
      ],
      { cwd: flagCwd },
    );
    expect(flags.code).toBe(0);
    expect(snapshotDir(join(cwd, 'pty-skill'))).toEqual(snapshotDir(join(flagCwd, 'pty-skill')));
  }, 60_000);

  it('asks about a non-empty folder before anything else', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'old.txt'), 'old');
    const { code, screen } = await inPty(`${process.execPath} ${bins.create} taken --no-git`, cwd, [
      ['is not empty', '\r'], // Enter: the default, No
    ]);
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('What do you want to build?');
    expect(readFileSync(join(cwd, 'taken', 'old.txt'), 'utf8')).toBe('old');
  }, 60_000);

  it('the tool template with defaults accepted by Enter', async () => {
    const cwd = tempDir();
    const { code, screen } = await inPty(`${process.execPath} ${bins.create} --no-git`, cwd, [
      ['What do you want to build?', '\r'],
      ['Package name:', 'pty-tool\r'],
      ['Description:', '\r'],
      ['Install dependencies now?', '\x1b[D\r'], // left: No
    ]);
    expect(code, screen).toBe(0);
    const flagCwd = tempDir();
    expect(
      (await run(bins.create, ['pty-tool', '--yes', '--no-install', '--no-git'], { cwd: flagCwd }))
        .code,
    ).toBe(0);
    expect(snapshotDir(join(cwd, 'pty-tool'))).toEqual(snapshotDir(join(flagCwd, 'pty-tool')));
  }, 60_000);
});
