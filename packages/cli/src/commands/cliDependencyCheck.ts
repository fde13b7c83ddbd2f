import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliCommand } from '@agentsdk/core';
import type { DoctorCheck } from './doctor.js';

const CLI_PACKAGE = '@anthropic-ai/claude-code';

/**
 * How the project in `cwd` gets the CLI at run time. A devDependency is left out of production
 * installs (`npm ci --omit=dev`), so an app that runs agents there finds no CLI; a CLI that only
 * comes from PATH must be installed wherever the app is deployed. Nothing to say when the CLI was
 * given explicitly (`--cli`, `CLAUDE_CLI_PATH`) or there is no package.json.
 */
export function cliDependencyCheck(cwd: string, cli: CliCommand): DoctorCheck | undefined {
  if (cli.source === 'option' || cli.source === 'env') return undefined;
  const file = nearestPackageJson(cwd);
  if (file === undefined) return undefined;
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
  } catch {
    return undefined;
  }
  const fix = `If the app runs agents at run time, make it a regular dependency: \`npm i ${CLI_PACKAGE}\`.`;
  if (pkg.dependencies?.[CLI_PACKAGE] !== undefined)
    return {
      name: 'cli-dependency',
      status: 'ok',
      detail: `${CLI_PACKAGE} is a dependency in ${file}: production installs include it.`,
    };
  if (pkg.devDependencies?.[CLI_PACKAGE] !== undefined)
    return {
      name: 'cli-dependency',
      status: 'warn',
      detail: `${CLI_PACKAGE} is a devDependency in ${file}: \`npm ci --omit=dev\` leaves it out, so a deployed app finds no CLI (fine if only tests and tools use it).`,
      fix,
    };
  return {
    name: 'cli-dependency',
    status: 'warn',
    detail: `${file} does not declare ${CLI_PACKAGE}: the CLI found here (${cli.source}) is not installed with the project, so it must be present wherever the app runs.`,
    fix,
  };
}

function nearestPackageJson(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}
