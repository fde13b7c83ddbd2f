#!/usr/bin/env node
// Package gate: pack every publishable workspace package the way pnpm publishes it (workspace:
// ranges rewritten), then lint the tarball with publint and @arethetypeswrong/cli (ESM only).
// Exits 1 on any problem. Usage: node scripts/check-packages.mjs [--list] (prints packed files).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const list = process.argv.includes('--list');
const pnpm = join(root, 'scripts', 'pnpm');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

const out = mkdtempSync(join(tmpdir(), 'agentsdk-pack-'));
let failed = 0;
try {
  for (const dir of packages) {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const dest = mkdtempSync(join(out, 'p-'));
    execFileSync(pnpm, ['pack', '--pack-destination', dest], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = join(dest, readdirSync(dest)[0]);
    process.stdout.write(`\n== ${name}\n`);
    if (list) {
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
      process.stdout.write(
        `${files.length} files: ${files.filter((f) => !f.includes('/dist/')).join(', ')} + ${files.filter((f) => f.includes('/dist/')).length} in dist/\n`,
      );
    }
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      ['attw', [tarball, '--profile', 'esm-only', '--format', 'ascii']],
    ]) {
      try {
        const text = execFileSync(bin(tool), args, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        process.stdout.write(`${tool}: ok\n`);
        if (list) process.stdout.write(text);
      } catch (error) {
        failed += 1;
        process.stdout.write(`${tool}: FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}\n`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed) {
  console.error(`\ncheck-packages: ${failed} check(s) failed`);
  process.exit(1);
}
console.log(`\ncheck-packages: ${packages.length} packages passed publint and attw`);
