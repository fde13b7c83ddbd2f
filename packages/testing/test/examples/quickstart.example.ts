/**
 * The README's quick start: the real Claude Code CLI, driven by `query()`, answered by a scripted
 * model. Run: ./scripts/pnpm --filter @agentsdk/testing exec tsx test/examples/quickstart.example.ts
 * (the README imports from '@agentsdk/testing'; this file imports the source so it runs unbuilt).
 */
// #region quickstart
import { query } from '@agentsdk/core';
import { offlineEnvironment } from '../../src/index.js';

// A scripted model on 127.0.0.1, and a private HOME and TMPDIR for the CLI: no key, no network.
await using offline = await offlineEnvironment({
  script: [
    { content: [{ type: 'tool_use', name: 'Bash', input: { command: 'echo hi' } }] },
    { content: [{ type: 'text', text: 'The command printed hi.' }] },
  ],
});

for await (const message of query({
  prompt: 'Run echo hi',
  options: { env: offline.env, cwd: offline.workspace(), allowedTools: ['Bash'] },
})) {
  if (message.type === 'result' && message.subtype === 'success') console.log(message.result);
}
// What the CLI sent: the second model request carries the tool's output.
for (const r of offline.server.requests) console.log(r.index, r.kind, r.turnIndex ?? '-');
// #endregion quickstart
