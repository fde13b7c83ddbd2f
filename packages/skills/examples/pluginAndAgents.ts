// #region plugin-and-agents
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPlugin,
  defineAgents,
  loadAgentsDirectory,
  validatePlugin,
  writeAgentFile,
} from '../src/index.js';

// Scaffold a plugin, add an agent file, and validate the folder as Claude Code would load it.
const directory = join(await mkdtemp(join(tmpdir(), 'example-')), 'my-plugin');
export const { root } = await createPlugin({
  directory,
  name: 'my-plugin',
  author: { name: 'Me' },
});
const agents = defineAgents({
  'test-runner': {
    description: 'Runs and analyses test suites. Use after code changes.',
    prompt: 'You run the tests and explain each failure.',
    tools: ['Bash', 'Read', 'Grep'],
  },
});
await writeAgentFile(join(root, 'agents'), 'test-runner', agents['test-runner']);
export const validation = await validatePlugin(root, { strict: true });

// The same agents for core's `agents` option, read back from the files.
export const { agents: fromFiles } = await loadAgentsDirectory(join(root, 'agents'));
// #endregion plugin-and-agents
