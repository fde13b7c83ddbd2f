import { query, toolUses } from '@agentsdk/core';
import { modelEnvironment, say, useTool } from '@agentsdk/examples-shared';

// Offline, the scripted model runs a command, then sums up. Online, Claude decides.
await using model = await modelEnvironment([
  useTool(
    'Bash',
    { command: 'node --version', description: 'Print the Node.js version' },
    { text: 'Let me check which Node.js version this machine runs.' },
  ),
  say('This machine runs Node.js — the version is printed above.'),
]);

// #region quick-start
for await (const message of query({
  prompt: 'Which Node.js version does this machine run? Use the shell.',
  options: { env: model.env, allowedTools: ['Bash'], maxTurns: 4 },
})) {
  switch (message.type) {
    case 'system':
      if (message.subtype === 'init')
        console.log(`session ${message.session_id} · model ${message.model}`);
      break;
    case 'assistant':
      for (const block of message.message.content)
        if (block.type === 'text') console.log(`claude › ${block.text}`);
      for (const use of toolUses(message))
        console.log(`tool   › ${use.name} ${JSON.stringify(use.input)}`);
      break;
    case 'user': // the CLI echoes tool results as user messages
      if (message.tool_use_result && typeof message.tool_use_result === 'object') {
        const { stdout } = message.tool_use_result as { stdout?: string };
        if (stdout) console.log(`output › ${stdout.trim()}`);
      }
      break;
    case 'result':
      console.log(
        `result › ${message.subtype}, ${message.num_turns} turns, $${message.total_cost_usd.toFixed(5)}`,
      );
      break;
  }
}
// #endregion quick-start
