import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeSDKClient } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { calculator } from './calculator.js';
import { workspaceTools } from './workspaceTools.js';

await using model = await modelEnvironment([
  // "Calculate: (10 + 5) * 3"
  useTool('mcp__calc__add', { a: 10, b: 5 }),
  useTool('mcp__calc__multiply', { a: 15, b: 3 }),
  say('(10 + 5) × 3 = 45.'),
  // "And 1 / 0?"
  useTool('mcp__calc__divide', { a: 1, b: 0 }),
  say('1 / 0 has no answer: division by zero is undefined.'),
  // Two tool calls in one model message; the CLI runs them and returns both results.
  {
    content: [
      {
        type: 'tool_use',
        name: 'mcp__workspace__process_file',
        input: { path: 'notes.md', operation: 'count_lines' },
      },
      { type: 'tool_use', name: 'mcp__workspace__lookup_order', input: { id: 'A-1002' } },
    ],
  },
  say('notes.md has 3 lines, and order A-1002 (Linus, $19.99) is still pending.'),
]);
const cwd = model.workspace('project');
writeFileSync(join(cwd, 'notes.md'), '# Notes\n\n- ship A-1002\n');
const workspace = workspaceTools(cwd);

// #region agent
await using client = new ClaudeSDKClient({
  mcpServers: { calc: calculator, workspace },
  // Tools are named mcp__<server key>__<tool>; toolNames() lists them, typed.
  allowedTools: [...calculator.toolNames(), ...workspace.toolNames()],
  tools: [], // no built-in tools: only ours
  cwd,
  env: model.env,
});
await client.connect();

for (const prompt of [
  'Calculate: (10 + 5) * 3',
  'And 1 / 0?',
  'How many lines does notes.md have, and what is the status of order A-1002?',
]) {
  console.log(`\nyou    › ${prompt}`);
  await client.query(prompt);
  for await (const message of client.receiveResponse()) printMessage(message);
}
// #endregion agent

const status = await client.mcpServerStatus();
console.log(`\nservers › ${status.map((s) => `${s.name}: ${s.status}`).join(', ')}`);

// Your code can read a server's resources too. An in-process server's are read in this process
// (the CLI reads only `ui://` resources of the others).
const pending = await client.readMcpResource('workspace', 'orders://pending');
console.log(`resource › orders://pending ${pending.contents[0]?.text}`);
