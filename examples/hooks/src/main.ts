import { query } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { hooks } from './hooks.js';

await using model = await modelEnvironment([
  useTool('Bash', { command: 'echo "disk usage: 42%"', description: 'Check the disk' }),
  useTool('Bash', { command: 'sudo rm -rf /var/cache/app', description: 'Clear the cache' }),
  useTool('Bash', {
    command: 'echo "CRITICAL: database unreachable"',
    description: 'Health check',
  }),
  say('This answer is never requested: the Stop hook ended the session.'),
]);

// #region run
for await (const message of query({
  prompt: 'Check the disk, clear the cache, then run the health check.',
  options: { hooks, allowedTools: ['Bash'], cwd: model.workspace(), env: model.env },
})) {
  printMessage(message);
}
// #endregion run
