import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { SessionNotFoundError } from '../errors/SessionNotFoundError.js';
import { checkSessionId, findSessionFile } from './sessionPaths.js';
import type { SessionKey, SessionStore } from './store/SessionStore.js';
import {
  listStoreSubagents,
  loadStoreTranscript,
  storeProjectKey,
  type SessionSourceOptions,
} from './store/storeSessions.js';
import { transcriptLines, type TranscriptEntry } from './transcriptLines.js';
import type { SessionMessage } from './types.js';

export interface ReadSessionOptions extends SessionSourceOptions {
  /** Skip this many messages first. */
  offset?: number;
  /** Stop after this many messages. */
  limit?: number;
}

const MESSAGE_TYPES = new Set(['user', 'assistant', 'system']);

/** Entries of one transcript, readable more than once (a file is streamed on each pass). */
type Source = () => AsyncIterable<TranscriptEntry>;

/**
 * A session's conversation, streamed in order: only the messages on the branch that ends at
 * the last message (a rewound or resumed-at branch is left out), as the CLI would resume it.
 * Two passes over the file — ids first, then messages — so memory holds ids, not transcripts.
 * With `sessionStore`, the store's copy (one `load()`; a store gives the transcript whole).
 */
export async function* readSession(
  sessionId: string,
  options: ReadSessionOptions = {},
): AsyncGenerator<SessionMessage, void, undefined> {
  checkPaging(options);
  if (options.sessionStore) {
    checkSessionId('readSession', sessionId);
    const key = { projectKey: storeProjectKey(options), sessionId };
    yield* readTranscript(await storeSource(options.sessionStore, key), options);
    return;
  }
  const { file } = await findSessionFile('readSession', sessionId, options);
  yield* readTranscript(fileSource(file), options);
}

/** `readSession()` collected into an array (the official SDK's shape). */
export async function getSessionMessages(
  sessionId: string,
  options: ReadSessionOptions = {},
): Promise<SessionMessage[]> {
  const out: SessionMessage[] = [];
  for await (const message of readSession(sessionId, options)) out.push(message);
  return out;
}

/**
 * The subagents a session ran (ids of their transcripts), oldest first; from a store, in the
 * store's order (it has no per-transcript time), which needs `listSubkeys()`.
 */
export async function listSubagents(
  sessionId: string,
  options: SessionSourceOptions = {},
): Promise<string[]> {
  if (options.sessionStore) return listStoreSubagents(options.sessionStore, sessionId, options);
  const { file } = await findSessionFile('listSubagents', sessionId, options);
  const dir = join(file.slice(0, -'.jsonl'.length), 'subagents');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: Array<{ id: string; mtime: number }> = [];
  for (const name of names) {
    const match = /^agent-(.+)\.jsonl$/.exec(name);
    if (match?.[1]) found.push({ id: match[1], mtime: (await stat(join(dir, name))).mtimeMs });
  }
  return found.sort((a, b) => a.mtime - b.mtime).map((f) => f.id);
}

/** One subagent's conversation, streamed like `readSession()`. */
export async function* readSubagent(
  sessionId: string,
  agentId: string,
  options: ReadSessionOptions = {},
): AsyncGenerator<SessionMessage, void, undefined> {
  if (typeof agentId !== 'string' || !/^[\w-]+$/.test(agentId)) {
    throw new InvalidArgumentError(
      'readSubagent',
      'agentId',
      `must be an agent id from listSubagents() (got ${JSON.stringify(agentId)})`,
    );
  }
  checkPaging(options);
  if (options.sessionStore) {
    checkSessionId('readSubagent', sessionId);
    const key = {
      projectKey: storeProjectKey(options),
      sessionId,
      subpath: `subagents/agent-${agentId}`,
    };
    yield* readTranscript(await storeSource(options.sessionStore, key), options);
    return;
  }
  const { file } = await findSessionFile('readSubagent', sessionId, options);
  const agentFile = join(file.slice(0, -'.jsonl'.length), 'subagents', `agent-${agentId}.jsonl`);
  try {
    await stat(agentFile);
  } catch {
    throw new SessionNotFoundError(`${sessionId}/agent-${agentId}`, agentFile);
  }
  yield* readTranscript(fileSource(agentFile), options);
}

/** `readSubagent()` collected into an array (the official SDK's shape). */
export async function getSubagentMessages(
  sessionId: string,
  agentId: string,
  options: ReadSessionOptions = {},
): Promise<SessionMessage[]> {
  const out: SessionMessage[] = [];
  for await (const message of readSubagent(sessionId, agentId, options)) out.push(message);
  return out;
}

function checkPaging(options: ReadSessionOptions): void {
  const { offset = 0, limit } = options;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('readSession', 'offset', 'must be an integer ≥ 0');
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new InvalidArgumentError('readSession', 'limit', 'must be an integer ≥ 0');
  }
}

function fileSource(file: string): Source {
  return async function* () {
    for await (const { entry } of transcriptLines(file)) yield entry;
  };
}

async function storeSource(store: SessionStore, key: SessionKey): Promise<Source> {
  const entries = await loadStoreTranscript(store, key);
  return async function* () {
    yield* entries as TranscriptEntry[];
  };
}

async function* readTranscript(
  source: Source,
  options: ReadSessionOptions,
): AsyncGenerator<SessionMessage, void, undefined> {
  const { offset = 0, limit } = options;
  const branch = await lastBranch(source);
  let index = 0;
  let yielded = 0;
  for await (const entry of source()) {
    if (!isMessage(entry) || !branch.has(entry.uuid as string)) continue;
    if (index++ < offset) continue;
    if (limit !== undefined && yielded >= limit) return;
    yielded += 1;
    yield toMessage(entry);
  }
}

/** The uuids from the last message back to the root, following `parentUuid`. */
async function lastBranch(source: Source): Promise<Set<string>> {
  const parents = new Map<string, string | null>();
  let leaf: string | undefined;
  for await (const entry of source()) {
    if (typeof entry.uuid !== 'string') continue;
    parents.set(entry.uuid, typeof entry.parentUuid === 'string' ? entry.parentUuid : null);
    if (isMessage(entry)) leaf = entry.uuid;
  }
  const branch = new Set<string>();
  for (let id = leaf; id !== undefined && !branch.has(id);) {
    branch.add(id);
    id = parents.get(id) ?? undefined;
  }
  return branch;
}

function isMessage(entry: TranscriptEntry): boolean {
  return MESSAGE_TYPES.has(entry.type as string) && typeof entry.uuid === 'string';
}

function toMessage(entry: TranscriptEntry): SessionMessage {
  const message: SessionMessage = {
    type: entry.type as SessionMessage['type'],
    uuid: entry.uuid as string,
    session_id: typeof entry.sessionId === 'string' ? entry.sessionId : '',
    message: entry.message,
    parent_tool_use_id: typeof entry.parentToolUseID === 'string' ? entry.parentToolUseID : null,
    parent_agent_id: typeof entry.parentAgentId === 'string' ? entry.parentAgentId : null,
  };
  if (typeof entry.timestamp === 'string') message.timestamp = entry.timestamp;
  return message;
}
