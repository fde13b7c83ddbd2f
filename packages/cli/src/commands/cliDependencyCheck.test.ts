import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliCommand } from '@agentsdk/core';
import { afterEach, expect, it } from 'vitest';
import { cliDependencyCheck } from './cliDependencyCheck.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function project(pkg: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctor-dep-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  return dir;
}
const cli = (source: CliCommand['source']): CliCommand => ({
  command: '/x/claude',
  prefixArgs: [],
  path: '/x/claude',
  source,
});
const CLI = '@anthropic-ai/claude-code';

it('a dependency is fine; a devDependency or a PATH-only CLI is explained with the fix', () => {
  expect(
    cliDependencyCheck(project({ dependencies: { [CLI]: '2.1.331' } }), cli('node_modules')),
  ).toMatchObject({ status: 'ok' });
  const dev = cliDependencyCheck(
    project({ devDependencies: { [CLI]: '2.1.331' } }),
    cli('node_modules'),
  );
  expect(dev).toMatchObject({ status: 'warn', fix: expect.stringContaining(`npm i ${CLI}`) });
  expect(dev?.detail).toContain('--omit=dev');
  expect(cliDependencyCheck(project({}), cli('path'))?.detail).toContain('not installed with');
});

it('says nothing for a CLI given explicitly', () => {
  expect(cliDependencyCheck(project({}), cli('option'))).toBeUndefined();
  expect(cliDependencyCheck(project({}), cli('env'))).toBeUndefined();
});
