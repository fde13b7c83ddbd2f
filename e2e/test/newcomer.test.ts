/**
 * A newcomer's path, from tarballs rather than the workspace: every package is packed as it would
 * be published, then (a) an empty npm project installs @agentsdk/core + @agentsdk/testing and runs
 * the testing README's quick start offline, and (b) each template is scaffolded and every next
 * step it prints is run, as printed. (c), the examples' `start` commands with nothing built, is
 * in examples.test.ts. Our packages are not on the registry, so each project gets `file:` specs
 * and `overrides` for them: the one stand-in for `npm publish`. Third-party packages come from
 * the registry. The pinned CLI stands in for `npm i @anthropic-ai/claude-code` (CLAUDE_CLI_PATH).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli } from '@agentsdk/core';
import { offlineEnvironment } from '@agentsdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// The pinned CLI's native binary (named `claude`): in the workspace the npm package's bin stays the
// placeholder, its postinstall not run (pnpm-workspace.yaml says why).
const claude = discoverCli({ searchFrom: [join(repo, 'e2e')], env: {} }).path;
const PACKAGES = {
  '@agentsdk/core': 'core',
  '@agentsdk/tools': 'tools',
  '@agentsdk/skills': 'skills',
  '@agentsdk/testing': 'testing',
  '@agentsdk/viewer': 'viewer',
  'create-agent-tool': 'cli',
} as const;
/** A warning line that names one of our packages or bins. */
const OUR_WARNING = /^.*\bWARN\b.*(@agentsdk\/|create-agent-tool|agentsdk).*$/im;

interface Run {
  code: number | null;
  output: string;
}

/**
 * The test's env without what pnpm and npm put there for the script that runs it (`npm_config_*`,
 * `npm_package_*`, …): a newcomer's shell has none of it, and npm warns about or obeys them.
 */
function newcomerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_)/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_PATH',
    ),
  );
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: { ...newcomerEnv(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

let root: string;
const specs: Record<string, string> = {};

/** Point the project's dependencies on our packages at the tarballs (as the registry would). */
function useTarballs(project: string): void {
  const file = join(project, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = pkg[field];
    if (deps) for (const name of Object.keys(deps)) if (specs[name]) deps[name] = specs[name];
  }
  pkg['overrides'] = { ...specs };
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'agentsdk-newcomer-'));
  const packs = join(root, 'packs');
  mkdirSync(packs);
  const pnpm = join(repo, 'scripts', 'pnpm');
  const filters = Object.keys(PACKAGES)
    .map((name) => `--filter ${name}`)
    .join(' ');
  const packed = await sh(`${pnpm} ${filters} exec pnpm pack --pack-destination ${packs}`, repo);
  expect(packed.code, packed.output).toBe(0);
  for (const name of Object.keys(PACKAGES))
    specs[name] = `file:${join(packs, `${name.replace('@', '').replace('/', '-')}-0.1.0.tgz`)}`;
  for (const spec of Object.values(specs)) expect(existsSync(spec.slice(5)), spec).toBe(true);
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('[newcomer] from the tarballs', () => {
  it('our bins point at committed files, so a fresh workspace install links them', () => {
    for (const dir of Object.values(PACKAGES)) {
      const pkg = JSON.parse(readFileSync(join(repo, 'packages', dir, 'package.json'), 'utf8')) as {
        bin?: Record<string, string>;
      };
      for (const bin of Object.values(pkg.bin ?? {}))
        expect(existsSync(join(repo, 'packages', dir, bin)), `${dir}: ${bin}`).toBe(true);
    }
  });

  // Concurrent: the installs wait on the network and the disk more than on the CPU.
  it.concurrent(
    'an empty npm project runs the testing README quick start offline',
    async () => {
      const project = join(root, 'empty');
      mkdirSync(project);
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({
          name: 'newcomer',
          private: true,
          type: 'module',
          dependencies: { '@agentsdk/core': 'x', '@agentsdk/testing': 'x' },
        }),
      );
      useTarballs(project);
      const install = await sh('npm install --no-audit --no-fund', project);
      expect(install.code, install.output).toBe(0);
      expect(install.output).not.toMatch(OUR_WARNING);

      const readme = readFileSync(join(repo, 'packages', 'testing', 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Quick start'));
      const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
      const shown = /run `npx tsx quickstart\.mts`\):\n\n```\n([\s\S]*?)```/.exec(section)?.[1];
      expect(code).toContain("from '@agentsdk/testing'");
      writeFileSync(join(project, 'quickstart.mts'), code);
      const ran = await sh('npx --yes tsx quickstart.mts', project, { CLAUDE_CLI_PATH: claude });
      expect(ran.code, ran.output).toBe(0);
      expect(ran.output).toBe(shown);
    },
    240_000,
  );

  it.concurrent.each(['tool', 'skill', 'plugin', 'agent'])(
    'the %s template: every printed next step runs as printed',
    async (template) => {
      const cwd = join(root, `t-${template}`);
      mkdirSync(cwd);
      const bin = join(repo, 'packages', 'cli', 'dist', 'bin', 'create-agent-tool.js');
      const made = await sh(
        `node ${bin} my-${template} -t ${template} --yes --no-git --no-install`,
        cwd,
      );
      expect(made.code, made.output).toBe(0);
      const steps = (made.output.split('Next steps:\n')[1] ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      expect(steps[0]).toBe(`cd my-${template}`);
      expect(steps[1]).toBe('npm install');
      useTarballs(join(cwd, `my-${template}`));

      await using offline = await offlineEnvironment({
        script: [{ content: [{ type: 'text', text: 'Hello from the scripted model.' }] }],
      });
      let dir = cwd;
      for (const step of steps) {
        if (step.startsWith('cd ')) {
          dir = join(dir, step.slice(3));
          continue;
        }
        // An interactive session (`claude`, `claude --plugin-dir .`) runs in print mode here.
        const interactive = /^claude( --plugin-dir \.)?$/.test(step);
        const command = interactive ? `${step} -p "Say hello."` : step;
        const env = step.startsWith('claude')
          ? { ...offline.env, PATH: `${dirname(claude)}:${process.env['PATH'] ?? ''}` }
          : {};
        const result = await sh(command, dir, env);
        expect(result.code, `${step}\n${result.output}`).toBe(0);
        if (step === 'npm install') expect(result.output).not.toMatch(OUR_WARNING);
        if (interactive) expect(result.output).toContain('Hello from the scripted model.');
      }
    },
    300_000,
  );
});
