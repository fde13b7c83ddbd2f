// Run: node --import tsx examples/run.ts [project]. Needs the Claude Code CLI and ANTHROPIC_API_KEY.
// Offline, spread the `env` of `offlineEnvironment()` from @agentsdk/testing (a scripted model,
// a private HOME and TMPDIR) into the options, as its README shows.

// #region run
import { isInitMessage, isResultMessage, query } from '@agentsdk/core';
import { fileURLToPath } from 'node:url';
import { validateThenLoad } from './validateThenLoad.js';

const project = process.argv[2] ?? fileURLToPath(new URL('./project/', import.meta.url));
const options = await validateThenLoad(project);
for await (const message of query({ prompt: 'Write the release notes for 1.2.0.', options })) {
  if (isInitMessage(message)) console.log('skills:', message.skills, 'plugins:', message.plugins);
  if (isResultMessage(message)) console.log(message.subtype);
}
// #endregion run
