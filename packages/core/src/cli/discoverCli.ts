import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { CLINotFoundError } from '../errors/CLINotFoundError.js';

/** How to start the CLI: a native binary, or a `cli.js` run by the current Node. */
export interface CliCommand {
  command: string;
  /** Arguments that come before ours (the script, for a `cli.js`). */
  prefixArgs: string[];
  /** The file that was found. */
  path: string;
  /** Where it was found: option, env, node_modules, PATH or a known directory. */
  source: 'option' | 'env' | 'node_modules' | 'path' | 'known-dir';
  /** The version from package.json when known without running the CLI. */
  packageVersion?: string;
}

export interface DiscoverCliOptions {
  cliPath?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /**
   * Folders whose `node_modules` (and their parents') are searched for the CLI package.
   * Default: `cwd`, the process's working directory, and this package's own location.
   */
  searchFrom?: string[];
}

/** Env vars that name the CLI, in order of precedence. */
export const CLI_PATH_ENV_VARS = ['CLAUDE_CLI_PATH', 'CLAUDE_CODE_CLI_PATH'] as const;

const PACKAGE = '@anthropic-ai/claude-code';
// The npm package's bin is a small placeholder until its postinstall copies the native binary in.
const PLACEHOLDER_MAX_BYTES = 64 * 1024;

/**
 * Find the Claude Code CLI: `cliPath` → env var → `node_modules` (also the platform package, for
 * installs whose postinstall did not run, as under pnpm) → `PATH` → known install dirs.
 */
export function discoverCli(options: DiscoverCliOptions = {}): CliCommand {
  const env = options.env ?? process.env;
  const searched: string[] = [];

  if (options.cliPath !== undefined) {
    const path = resolve(options.cwd ?? process.cwd(), options.cliPath);
    if (isRunnable(path)) return toCommand(path, 'option');
    throw new CLINotFoundError(
      `Claude Code CLI not found at cliPath "${options.cliPath}" (resolved to ${path}): ` +
        'the file does not exist or is not a runnable file. Fix the path or drop the option to use discovery.',
      [path],
    );
  }

  for (const name of CLI_PATH_ENV_VARS) {
    const value = env[name];
    if (!value) continue;
    searched.push(`$${name}=${value}`);
    if (isRunnable(value)) return toCommand(resolve(value), 'env');
  }

  // The session's cwd is often a workspace outside the app; the app's own install still counts.
  const bases = options.searchFrom ?? [
    options.cwd ?? process.cwd(),
    process.cwd(),
    dirname(thisFile()),
  ];
  for (const base of uniq(bases)) {
    const found = fromNodeModules(base, searched);
    if (found) return found;
  }

  const exe = process.platform === 'win32' ? ['claude.exe', 'claude.cmd', 'claude'] : ['claude'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of exe) {
      const path = join(dir, name);
      if (isRunnable(path) && !isPlaceholder(path)) return toCommand(path, 'path');
    }
  }
  searched.push('PATH');

  for (const path of knownLocations(env.HOME ?? homedir())) {
    searched.push(path);
    if (isRunnable(path) && !isPlaceholder(path)) return toCommand(path, 'known-dir');
  }

  throw new CLINotFoundError(
    `Claude Code CLI not found. Looked in: ${searched.join(', ')}. ` +
      `Install it with \`npm i -D ${PACKAGE}\` (or \`npm i -g ${PACKAGE}\`), ` +
      `set ${CLI_PATH_ENV_VARS[0]}, or pass the \`cliPath\` option.`,
    searched,
  );
}

function fromNodeModules(base: string, searched: string[]): CliCommand | undefined {
  const pkgDir = findPackageDir(PACKAGE, base);
  if (!pkgDir) {
    searched.push(`${PACKAGE} from ${base}`);
    return undefined;
  }
  const version = readVersion(join(pkgDir, 'package.json'));
  for (const path of [join(pkgDir, 'bin', 'claude.exe'), join(pkgDir, 'bin', 'claude')]) {
    if (isRunnable(path) && !isPlaceholder(path)) return toCommand(path, 'node_modules', version);
  }
  // postinstall did not run (pnpm blocks install scripts): use the platform package directly.
  for (const name of platformPackages()) {
    const platformDir = findPackageDir(name, pkgDir);
    for (const bin of ['claude', 'claude.exe']) {
      const path = platformDir && join(platformDir, bin);
      if (path && isRunnable(path)) return toCommand(path, 'node_modules', version);
    }
    searched.push(name);
  }
  // Releases up to 2.0.x ship a JavaScript entry point.
  const cliJs = join(pkgDir, 'cli.js');
  if (existsSync(cliJs)) return toCommand(cliJs, 'node_modules', version);
  searched.push(pkgDir);
  return undefined;
}

/**
 * Node's lookup (node_modules folders upwards), done by hand: it ignores NODE_PATH, which
 * package-manager shims set, so discovery is the same in a test runner as in the user's app.
 */
function findPackageDir(name: string, from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function platformPackages(): string[] {
  const base = `${PACKAGE}-${process.platform}-${process.arch}`;
  if (process.platform !== 'linux') return [base];
  return isMusl() ? [`${base}-musl`, base] : [base, `${base}-musl`];
}

function isMusl(): boolean {
  const report = process.report?.getReport?.() as
    { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime === undefined;
}

function knownLocations(home: string): string[] {
  return [
    join(home, '.claude', 'local', 'claude'),
    join(home, '.local', 'bin', 'claude'),
    join(home, '.npm-global', 'bin', 'claude'),
    join(home, '.yarn', 'bin', 'claude'),
    join(home, 'node_modules', '.bin', 'claude'),
    '/usr/local/bin/claude',
    '/opt/homebrew/bin/claude',
  ];
}

function toCommand(
  path: string,
  source: CliCommand['source'],
  packageVersion?: string,
): CliCommand {
  const isJs = /\.(c|m)?js$/.test(path);
  return {
    command: isJs ? process.execPath : path,
    prefixArgs: isJs ? [path] : [],
    path,
    source,
    ...(packageVersion !== undefined ? { packageVersion } : {}),
  };
}

function isRunnable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isPlaceholder(path: string): boolean {
  if (/\.(c|m)?js$/.test(path)) return false;
  try {
    return statSync(path).size < PLACEHOLDER_MAX_BYTES && !isShellShim(path);
  } catch {
    return true;
  }
}

// Small files on PATH may be legitimate wrapper scripts (`#!/bin/sh exec …`); only the npm
// package's placeholder is a tiny non-script file.
function isShellShim(path: string): boolean {
  try {
    return readFileSync(path, { encoding: 'utf8', flag: 'r' }).startsWith('#!');
  } catch {
    return false;
  }
}

function readVersion(pkgJson: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}

function thisFile(): string {
  return new URL(import.meta.url).pathname;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}
