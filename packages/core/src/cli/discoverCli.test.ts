import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINotFoundError } from '../errors/CLINotFoundError.js';
import { compareVersions } from './cliVersion.js';
import { discoverCli } from './discoverCli.js';

const dirs: string[] = [];
function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentsdk-discover-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeBinary(path: string, bytes = 100 * 1024): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes, 1));
  chmodSync(path, 0o755);
}

describe('discoverCli', () => {
  it('uses cliPath first and runs a cli.js under the current Node', () => {
    const dir = tmp();
    const js = join(dir, 'cli.js');
    writeFileSync(js, '');
    const found = discoverCli({ cliPath: js, env: { CLAUDE_CLI_PATH: '/elsewhere' } });
    expect(found).toMatchObject({ command: process.execPath, prefixArgs: [js], source: 'option' });
  });

  it('throws CLINotFoundError naming a bad cliPath', () => {
    expect(() => discoverCli({ cliPath: '/no/such/claude' })).toThrow(CLINotFoundError);
    expect(() => discoverCli({ cliPath: '/no/such/claude' })).toThrow(/\/no\/such\/claude/);
  });

  it('honours CLAUDE_CLI_PATH', () => {
    const bin = join(tmp(), 'claude');
    fakeBinary(bin);
    expect(discoverCli({ env: { CLAUDE_CLI_PATH: bin }, cwd: tmp() })).toMatchObject({
      path: bin,
      source: 'env',
    });
  });

  it('finds the native binary in the platform package when bin/claude.exe is the placeholder', () => {
    const root = tmp();
    const pkg = join(root, 'node_modules', '@anthropic-ai', 'claude-code');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@anthropic-ai/claude-code', version: '2.1.331' }),
    );
    writeFileSync(join(pkg, 'bin', 'claude.exe'), 'placeholder'.repeat(40));
    const platformName = `claude-code-${process.platform}-${process.arch}`;
    const platform = join(root, 'node_modules', '@anthropic-ai', platformName);
    mkdirSync(platform, { recursive: true });
    writeFileSync(
      join(platform, 'package.json'),
      JSON.stringify({ name: `@anthropic-ai/${platformName}` }),
    );
    fakeBinary(join(platform, 'claude'));
    const found = discoverCli({ cwd: root, env: { PATH: '' } });
    expect(found.path).toBe(join(platform, 'claude'));
    expect(found.source).toBe('node_modules');
    expect(found.packageVersion).toBe('2.1.331');
  });

  it('falls back to PATH, skipping a placeholder', () => {
    const binDir = tmp();
    fakeBinary(join(binDir, 'claude'));
    const placeholderDir = tmp();
    writeFileSync(join(placeholderDir, 'claude'), 'tiny placeholder');
    chmodSync(join(placeholderDir, 'claude'), 0o755);
    const found = discoverCli({
      cwd: tmp(),
      searchFrom: [tmp()], // not this repo's own node_modules, which has the pinned CLI
      env: { PATH: `${placeholderDir}:${binDir}`, HOME: tmp() },
    });
    expect(found).toMatchObject({ source: 'path', path: join(binDir, 'claude') });
  });

  it('says where it looked and how to install when nothing is found', () => {
    let error: unknown;
    try {
      discoverCli({ cwd: tmp(), searchFrom: [tmp()], env: { PATH: tmp(), HOME: tmp() } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CLINotFoundError);
    expect((error as CLINotFoundError).code).toBe('CLI_NOT_FOUND');
    expect(String((error as Error).message)).toContain('npm i -D @anthropic-ai/claude-code');
    expect((error as CLINotFoundError).searched).toContain('PATH');
  });
});

describe('compareVersions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('2.0.60', '2.0.0')).toBe(1);
    expect(compareVersions('1.9.9', '2.0.0')).toBe(-1);
    expect(compareVersions('2.1.331', '2.1.331')).toBe(0);
    expect(compareVersions('2.10.0', '2.9.0')).toBe(1);
  });
});
