import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';
import { afterAll } from 'vitest';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = join(packageDir, '..', '..');
export const bins = {
  create: join(packageDir, 'dist', 'bin', 'create-agent-tool.js'),
  agentsdk: join(packageDir, 'dist', 'bin', 'agentsdk.js'),
};
/** The pinned real CLI (this package's devDependency). */
export const claude = discoverCli({ cwd: packageDir });

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a built bin to completion with stdin closed (not a TTY), colour off. */
export function run(
  bin: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv } = { cwd: tmpdir() },
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', npm_config_user_agent: undefined, ...options.env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
    child.stdin?.end();
  });
}

/** Run any command (npm, claude) to completion. */
export function sh(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const temps: string[] = [];
/** A temp dir removed after the file's tests. */
export function tempDir(prefix = 'agentsdk-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its content, by relative path (`.git` and `node_modules` skipped). */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      if (entry === '.git' || entry === 'node_modules') continue;
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Our published packages, by name, with their folder under packages/. */
export const PUBLISHED = {
  '@agentsdk/core': 'core',
  '@agentsdk/tools': 'tools',
  '@agentsdk/skills': 'skills',
  '@agentsdk/testing': 'testing',
  '@agentsdk/viewer': 'viewer',
  'create-agent-tool': 'cli',
} as const;

/** `pnpm pack` every published package into `dest`: name → `file:` spec of its tarball. */
export async function packWorkspace(dest: string): Promise<Record<string, string>> {
  const specs: Record<string, string> = {};
  for (const name of Object.keys(PUBLISHED)) {
    const packed = await sh(
      join(repoDir, 'scripts', 'pnpm'),
      ['--filter', name, 'pack', '--pack-destination', dest],
      repoDir,
    );
    if (packed.code !== 0) throw new Error(`pnpm pack ${name} failed: ${packed.stderr}`);
    const file = `${name.replace('@', '').replace('/', '-')}-0.1.0.tgz`;
    specs[name] = `file:${join(dest, file)}`;
  }
  return specs;
}

/**
 * Make npm take every package of ours from its tarball, also where another of ours depends on it
 * (they are not on the registry): `overrides` in the project's package.json.
 */
export function pinOverrides(project: string, specs: Record<string, string>): void {
  const file = join(project, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  pkg['overrides'] = { ...specs };
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}
