import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { SessionNotFoundError } from '../errors/SessionNotFoundError.js';

/** Where session helpers look: the CLI's config dir and, optionally, one project. */
export interface SessionLocationOptions {
  /** The project's working directory; omitted → every project. */
  dir?: string;
  /** The CLI's config dir. Default: `CLAUDE_CONFIG_DIR`, else `~/.claude` (as the CLI). */
  configDir?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The CLI shortens longer project folder names and appends a hash. */
const MAX_SLUG = 200;

export function configDir(options: SessionLocationOptions = {}): string {
  return options.configDir ?? process.env.CLAUDE_CONFIG_DIR ?? join(homedir(), '.claude');
}

export function projectsDir(options: SessionLocationOptions = {}): string {
  return join(configDir(options), 'projects');
}

/** The CLI's folder name for a project: its real path with every non-alphanumeric as `-`. */
export function projectSlug(cwd: string): string {
  let path = resolve(cwd);
  try {
    path = realpathSync(path);
  } catch {
    // A deleted project still has its transcripts.
  }
  return path.replace(/[^a-zA-Z0-9]/g, '-');
}

export function checkSessionId(method: string, sessionId: unknown): asserts sessionId is string {
  if (typeof sessionId !== 'string' || !UUID.test(sessionId)) {
    throw new InvalidArgumentError(
      method,
      'sessionId',
      `must be a session UUID (got ${JSON.stringify(sessionId)})`,
    );
  }
}

/** The project folders to search: the one for `dir` (and its long-name variants), or all. */
export async function projectDirs(options: SessionLocationOptions = {}): Promise<string[]> {
  const root = projectsDir(options);
  let names: string[];
  try {
    names = (await readdir(root, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
  if (options.dir === undefined) return names.map((name) => join(root, name));
  const slug = projectSlug(options.dir);
  const matches =
    slug.length <= MAX_SLUG
      ? names.filter((name) => name === slug)
      : names.filter((name) => name.startsWith(`${slug.slice(0, MAX_SLUG)}-`));
  return matches.map((name) => join(root, name));
}

/** The transcript file of a session; `SessionNotFoundError` when there is none. */
export async function findSessionFile(
  method: string,
  sessionId: unknown,
  options: SessionLocationOptions = {},
): Promise<{ file: string; projectDir: string }> {
  checkSessionId(method, sessionId);
  for (const projectDir of await projectDirs(options)) {
    const file = join(projectDir, `${sessionId}.jsonl`);
    try {
      if ((await stat(file)).isFile()) return { file, projectDir };
    } catch {
      // not in this project
    }
  }
  throw new SessionNotFoundError(
    sessionId,
    options.dir !== undefined ? `the project folder for ${options.dir}` : projectsDir(options),
  );
}
