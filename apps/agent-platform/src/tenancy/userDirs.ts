import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ID_PATTERN } from '../domain/Principal.js';

export interface UserDirs {
  /** The agent's `cwd`, the only tree the path policy lets it touch. */
  workspace: string;
  /** The CLI's private HOME (its session files, for `resume`) and TMPDIR. */
  home: string;
  tmp: string;
}

/** `<dataDir>/tenants/<tenant>/users/<user>/{workspace,home,tmp}`, created. */
export function userDirs(dataDir: string, tenantId: string, userId: string): UserDirs {
  if (!ID_PATTERN.test(tenantId) || !ID_PATTERN.test(userId)) {
    throw new Error(
      `Invalid tenant or user id: ${JSON.stringify(tenantId)}, ${JSON.stringify(userId)}`,
    );
  }
  const base = join(dataDir, 'tenants', tenantId, 'users', userId);
  const dirs = {
    workspace: join(base, 'workspace'),
    home: join(base, 'home'),
    tmp: join(base, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}
