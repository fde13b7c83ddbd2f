import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeSDKClient, query, type ClaudeAgentOptions } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { CostTracker } from './costTracker.js';

await using model = await modelEnvironment([
  // 1. maxTurns: 1 — the tool runs, then the turn limit ends the session.
  useTool('Bash', { command: 'echo step one', description: 'First step' }),
  // 2. maxBudgetUsd — one expensive call (1000 + 1000 tokens) is over a $0.001 budget.
  {
    content: [{ type: 'tool_use', name: 'Read', input: { file_path: 'data.csv' } }],
    usage: { input_tokens: 1000, output_tokens: 1000 },
  },
  // 3. Monitoring: two ordinary turns.
  say('A budget caps what one session may spend.'),
  say('max_turns caps the API round trips of a turn.'),
]);
const cwd = model.workspace('project');
writeFileSync(join(cwd, 'data.csv'), 'a,b\n1,2\n');
const base: ClaudeAgentOptions = { cwd, env: model.env, allowedTools: ['Bash', 'Read'] };

// #region max-turns
console.log('--- maxTurns: 1');
for await (const message of query({
  prompt: 'Run the three steps.',
  options: { ...base, maxTurns: 1 },
}))
  printMessage(message); // result › error_max_turns …
// #endregion max-turns

// #region max-budget
console.log('\n--- maxBudgetUsd: 0.001');
for await (const message of query({
  prompt: 'Summarise data.csv.',
  options: { ...base, maxBudgetUsd: 0.001 }, // checked after each API call: the total may overshoot
})) {
  printMessage(message);
  if (message.type === 'result' && message.subtype === 'error_max_budget_usd')
    console.log(`budget › stopped at $${message.total_cost_usd.toFixed(5)} (limit $0.00100)`);
}
// #endregion max-budget

// #region monitor
console.log('\n--- monitoring');
const tracker = new CostTracker({ 'user-free-001': 0.5 });
await using client = new ClaudeSDKClient({
  ...base,
  maxTurns: 20, // the session ends when ANY limit is reached
  maxBudgetUsd: tracker.remaining('user-free-001'),
  maxThinkingTokens: 8_000,
});
await client.connect();
for (const prompt of ['What does a budget limit do?', 'And max_turns?']) {
  await client.query(prompt);
  for await (const message of client.receiveResponse()) {
    if (message.type !== 'result') continue;
    const r = tracker.record('user-free-001', message);
    console.log(
      `turn   › $${r.costUsd.toFixed(5)}, ${r.inputTokens} in / ${r.outputTokens} out tokens, ` +
        `${message.num_turns} API call(s), ${r.durationMs} ms`,
    );
    for (const [name, usage] of Object.entries(message.modelUsage))
      console.log(`model  › ${name}: $${usage.costUSD.toFixed(5)} so far this session`);
  }
}
console.log(
  `user   › user-free-001 spent $${tracker.spent('user-free-001').toFixed(5)}, ` +
    `$${tracker.remaining('user-free-001').toFixed(5)} left`,
);
// #endregion monitor
