import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionRecord } from '../domain/records.js';
import type { Repository } from '../store/Repository.js';
import { isInside } from '../tenancy/isInside.js';
import { userDirs } from '../tenancy/userDirs.js';
import { OPEN_STATES } from '../domain/sessionState.js';

const CLI_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delete what an ended session left: its CLI transcripts (every file and folder under the CLI
 * home's `.claude` named after one of its CLI session ids), its workspace (unless an open
 * session of the same user still works in it: workspaces are per user), and its event log.
 * The session row stays (usage and audit refer to it), without its system prompt.
 */
export async function purgeSession(
  record: SessionRecord,
  deps: { dataDir: string; repository: Repository },
): Promise<void> {
  if (record.state !== 'completed') {
    throw new Error(`Only an ended session can be purged; ${record.id} is ${record.state}.`);
  }
  const ids = await cliSessionIds(record, deps.repository);
  const dirs = userDirs(deps.dataDir, record.tenantId, record.userId);
  removeNamed(join(dirs.home, '.claude'), ids, 3);
  const open = await deps.repository.listSessions({
    tenantId: record.tenantId,
    userId: record.userId,
    states: OPEN_STATES,
  });
  const shared = open.some((s) => s.id !== record.id && s.workspace === record.workspace);
  if (!shared && isInside(join(deps.dataDir, 'tenants'), record.workspace)) {
    rmSync(record.workspace, { recursive: true, force: true });
  }
  await deps.repository.markPurged(record.id, Date.now());
}

/** The record's CLI session id and every earlier one (a fresh restart gets a new id). */
async function cliSessionIds(record: SessionRecord, repository: Repository): Promise<Set<string>> {
  const ids = new Set([record.cliSessionId]);
  for (let after = 0; ;) {
    const page = await repository.listEvents(record.id, after, 1000);
    for (const event of page) {
      after = event.id;
      const payload = event.payload as { kind?: unknown; message?: { session_id?: unknown } };
      const id = payload.kind === 'message' ? payload.message?.session_id : undefined;
      if (typeof id === 'string') ids.add(id);
    }
    if (page.length < 1000) break;
  }
  return new Set([...ids].filter((id) => CLI_ID.test(id)));
}

/** Remove entries below `dir` (to `depth` levels) whose name contains one of `ids`. */
function removeNamed(dir: string, ids: Set<string>, depth: number): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // no such folder: nothing was written
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if ([...ids].some((id) => entry.name.includes(id))) {
      rmSync(path, { recursive: true, force: true });
    } else if (entry.isDirectory() && !entry.isSymbolicLink() && depth > 1) {
      removeNamed(path, ids, depth - 1);
    }
  }
}
