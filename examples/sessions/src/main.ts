import { join } from 'node:path';
import {
  deleteSession,
  FileSessionStore,
  finalText,
  forkSession,
  listSessions,
  projectSlug,
  query,
  readSession,
  type ClaudeAgentOptions,
  type SDKResultMessage,
} from '@agentsdk/core';
import { modelEnvironment, say } from '@agentsdk/examples-shared';

await using model = await modelEnvironment([
  say('Noted: the word is kiwi.'),
  say('The word was kiwi.'),
  say('In this branch the word is mango.'),
  say('The word is mango: this is the fork, the most recent session.'),
  say('Here the word is still kiwi: the fork did not change this session.'),
  say('Noted: the word is plum.'),
  say('The word was plum, restored from the store.'),
]);
// Sessions are stored per project folder (under ~/.claude/projects): keep the same cwd.
const base: ClaudeAgentOptions = { cwd: model.workspace('project'), env: model.env };

// #region ask
/** One prompt, one result: the answer and the session it belongs to. */
async function ask(prompt: string, options: ClaudeAgentOptions): Promise<SDKResultMessage> {
  for await (const message of query({ prompt, options: { ...base, ...options } }))
    if (message.type === 'result') return message;
  throw new Error('the session ended without a result');
}
// #endregion ask
const show = (label: string, result: SDKResultMessage) =>
  console.log(`${label.padEnd(9)} › ${result.session_id.slice(0, 8)}… ${finalText(result) ?? ''}`);

// #region session-id
const first = await ask('Remember the word kiwi.', {});
const sessionId = first.session_id; // every message carries it; keep it to come back later
show('first', first);
// #endregion session-id

// #region resume
// Resume: the same session, with its history. Also how a paused chat comes back after a restart.
const resumed = await ask('What was the word?', { resume: sessionId });
show('resumed', resumed);
console.log(`            same session: ${resumed.session_id === sessionId}`);
// #endregion resume

// #region fork
// Fork: a new session that starts with a copy of the history; the original stays as it was.
const forked = await ask('In this branch, the word is mango.', {
  resume: sessionId,
  forkSession: true,
});
show('forked', forked);
console.log(`            new session: ${forked.session_id !== sessionId}`);
// #endregion fork

// #region continue
// Continue: the most recent session of this cwd (here, the fork), without knowing its id.
const continued = await ask('What is the word?', { continueConversation: true });
show('continued', continued);
console.log(`            continued the fork: ${continued.session_id === forked.session_id}`);
// #endregion continue

const original = await ask('And in the original session?', { resume: sessionId });
show('original', original);
console.log(
  `\nsession cost so far › $${original.total_cost_usd.toFixed(5)} (cumulative across resumes)`,
);

// #region data
// Sessions as data: the CLI's own transcripts, listed, read and forked from code.
// (Offline, the CLI runs with a private HOME; by default the helpers read ~/.claude.)
const where = {
  dir: base.cwd,
  ...(model.env.HOME ? { configDir: join(model.env.HOME, '.claude') } : {}),
};
for (const info of await listSessions(where))
  console.log(`listed    › ${info.sessionId.slice(0, 8)}… ${info.summary}`);
let turns = 0;
for await (const message of readSession(sessionId, where)) if (message.type === 'user') turns += 1;
console.log(`read      › ${turns} user messages in ${sessionId.slice(0, 8)}…, streamed`);
const copy = await forkSession(sessionId, { ...where, title: 'kiwi, copied from code' });
console.log(
  `copied    › ${copy.sessionId.slice(0, 8)}… (resume it with { resume: copy.sessionId })`,
);
// #endregion data

// #region store
// A session store keeps a copy of every transcript line the CLI writes, somewhere you choose (here
// a folder; a database or a bucket through your own SessionStore). `resume` brings a session back
// from it where the CLI has no local copy: a new machine, a fresh container.
const store = new FileSessionStore(model.workspace('session-store'));
const kept = await ask('Remember the word plum.', { sessionStore: store });
show('stored', kept);
const key = { projectKey: projectSlug(model.workspace('project')), sessionId: kept.session_id };
console.log(`            ${(await store.load(key))?.length ?? 0} transcript lines in the store`);
await deleteSession(kept.session_id, where); // the CLI's own transcript is gone…
const back = await ask('What was the word?', { resume: kept.session_id, sessionStore: store });
show('restored', back); // …and the conversation goes on from the store's copy
console.log(`            same session: ${back.session_id === kept.session_id}`);
// #endregion store
