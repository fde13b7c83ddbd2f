import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { archivedFile } from './sessionInfo.js';
import { findSessionFile, type SessionLocationOptions } from './sessionPaths.js';
import { transcriptLines } from './transcriptLines.js';

// Changes to a session are appended as the CLI itself records them, so the CLI (resume picker,
// `--resume`) and the official SDK see them too.

/** Set the session's title. */
export async function renameSession(
  sessionId: string,
  title: string,
  options: SessionLocationOptions = {},
): Promise<void> {
  if (typeof title !== 'string' || title.trim() === '') {
    throw new InvalidArgumentError('renameSession', 'title', 'must be a non-empty string');
  }
  const { file } = await findSessionFile('renameSession', sessionId, options);
  await append(file, { type: 'custom-title', customTitle: title.trim(), sessionId });
}

/** Tag the session; `null` clears the tag. */
export async function tagSession(
  sessionId: string,
  tag: string | null,
  options: SessionLocationOptions = {},
): Promise<void> {
  if (tag !== null && (typeof tag !== 'string' || tag.trim() === '')) {
    throw new InvalidArgumentError(
      'tagSession',
      'tag',
      'must be a non-empty string, or null to clear it',
    );
  }
  const { file } = await findSessionFile('tagSession', sessionId, options);
  await append(file, { type: 'tag', tag: tag?.trim() ?? '', sessionId });
}

/** Hide the session from `listSessions()` (unless `includeArchived`); nothing is deleted. */
export async function archiveSession(
  sessionId: string,
  options: SessionLocationOptions = {},
): Promise<void> {
  await setArchived('archiveSession', sessionId, true, options);
}

export async function unarchiveSession(
  sessionId: string,
  options: SessionLocationOptions = {},
): Promise<void> {
  await setArchived('unarchiveSession', sessionId, false, options);
}

/** Delete the transcript and its folder (subagent transcripts, archive record). */
export async function deleteSession(
  sessionId: string,
  options: SessionLocationOptions = {},
): Promise<void> {
  const { file } = await findSessionFile('deleteSession', sessionId, options);
  await rm(file, { force: true });
  await rm(file.slice(0, -'.jsonl'.length), { recursive: true, force: true });
}

export interface ForkSessionOptions extends SessionLocationOptions {
  /** Keep the conversation up to and including this message uuid; default: all of it. */
  upToMessageId?: string;
  /** Title of the fork; default: the original's first prompt with " (fork)". */
  title?: string;
}

/**
 * Copy a session into a new one (a new id, new message uuids, same project) that can be resumed
 * on its own (`resume: sessionId`). Streams line by line; the original is not changed.
 */
export async function forkSession(
  sessionId: string,
  options: ForkSessionOptions = {},
): Promise<{ sessionId: string; file: string }> {
  const { file, projectDir } = await findSessionFile('forkSession', sessionId, options);
  if (options.title !== undefined && (typeof options.title !== 'string' || !options.title.trim())) {
    throw new InvalidArgumentError('forkSession', 'title', 'must be a non-empty string');
  }
  const forkId = randomUUID();
  const forkFile = join(projectDir, `${forkId}.jsonl`);
  const ids = new Map<string, string>();
  const remap = (id: unknown): unknown => {
    if (typeof id !== 'string') return id;
    let next = ids.get(id);
    if (!next) ids.set(id, (next = randomUUID()));
    return next;
  };
  const out = createWriteStream(forkFile, { flags: 'wx', mode: 0o600 });
  let found = options.upToMessageId === undefined;
  let firstPrompt: string | undefined;
  try {
    for await (const { entry } of transcriptLines(file)) {
      // Per-session bookkeeping of the original stays with it.
      if (entry.type === 'custom-title' || entry.type === 'tag' || entry.type === 'last-prompt')
        continue;
      const copy: Record<string, unknown> = { ...entry };
      if ('sessionId' in copy) copy.sessionId = forkId;
      if ('uuid' in copy) copy.uuid = remap(copy.uuid);
      if ('parentUuid' in copy) copy.parentUuid = remap(copy.parentUuid);
      if (firstPrompt === undefined && entry.type === 'user') {
        const content = (entry.message as { content?: unknown } | undefined)?.content;
        firstPrompt =
          typeof content === 'string'
            ? content
            : ((content as Array<{ text?: unknown }> | undefined)?.find(
                (b) => typeof b.text === 'string',
              )?.text as string | undefined);
      }
      if (!out.write(`${JSON.stringify(copy)}\n`)) await once(out, 'drain');
      if (options.upToMessageId !== undefined && entry.uuid === options.upToMessageId) {
        found = true;
        break;
      }
    }
    const title =
      options.title?.trim() ?? `${(firstPrompt ?? 'Forked session').slice(0, 80)} (fork)`;
    out.write(
      `${JSON.stringify({ type: 'custom-title', customTitle: title, sessionId: forkId })}\n`,
    );
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    await rm(forkFile, { force: true });
    throw error;
  }
  if (!found) {
    await rm(forkFile, { force: true });
    throw new InvalidArgumentError(
      'forkSession',
      'upToMessageId',
      `is not a message of session ${sessionId} (got ${JSON.stringify(options.upToMessageId)})`,
    );
  }
  return { sessionId: forkId, file: forkFile };
}

async function append(file: string, entry: Record<string, unknown>): Promise<void> {
  await appendFile(
    file,
    `${JSON.stringify({ ...entry, uuid: randomUUID(), timestamp: new Date().toISOString() })}\n`,
  );
}

async function setArchived(
  method: string,
  sessionId: string,
  archived: boolean,
  options: SessionLocationOptions,
): Promise<void> {
  const { file } = await findSessionFile(method, sessionId, options);
  const record = archivedFile(file);
  await mkdir(dirname(record), { recursive: true, mode: 0o700 });
  await writeFile(record, JSON.stringify({ archived, at: new Date().toISOString(), by: 'sdk' }), {
    mode: 0o600,
  });
}
