import { query } from '@agentsdk/core';
import { offlineEnvironment } from '@agentsdk/testing';

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
