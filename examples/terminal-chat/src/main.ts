import { ClaudeSDKClient } from '@agentsdk/core';
import { inputLines, modelEnvironment, say } from '@agentsdk/examples-shared';

// Offline, the scripted model knows a few answers and echoes anything else.
const answers: Record<string, string> = {
  'What is 2 + 2?': '2 + 2 = 4.',
  'Now multiply that by 10': '4 × 10 = 40.',
};
await using model = await modelEnvironment([]);

console.log('Chat with Claude. Type "quit" or "exit" (or Ctrl-D) to leave.\n');

// #region chat
await using client = new ClaudeSDKClient({
  systemPrompt: 'You are a helpful assistant. Keep answers short.',
  maxTurns: 50,
  env: model.env,
});
await client.connect();

let spent = 0; // total_cost_usd is cumulative for the session: the turn's cost is the increase
for await (const line of inputLines('you › ', [
  'What is 2 + 2?',
  'Now multiply that by 10',
  'quit',
])) {
  const prompt = line.trim();
  if (prompt === '') continue;
  if (['quit', 'exit'].includes(prompt.toLowerCase())) break;

  model.script(say(answers[prompt] ?? `(scripted model) You said: "${prompt}".`)); // offline only
  await client.query(prompt);
  for await (const message of client.receiveResponse()) {
    if (message.type === 'assistant') {
      for (const block of message.message.content)
        if (block.type === 'text') console.log(`claude › ${block.text}`);
    } else if (message.type === 'result') {
      const turnCost = message.total_cost_usd - spent;
      spent = message.total_cost_usd;
      console.log(`[turn $${turnCost.toFixed(5)} · session $${spent.toFixed(5)}]\n`);
    }
  }
}
// #endregion chat

console.log(`Bye. This chat cost $${spent.toFixed(5)}.`);
