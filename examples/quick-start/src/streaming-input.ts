import { finalText, query, type UserInput } from '@agentsdk/core';
import { modelEnvironment, say } from '@agentsdk/examples-shared';

await using model = await modelEnvironment([
  say('Hello, Ada! Nice to meet you.'),
  say('Your name is Ada.'),
]);

// #region streaming-input
// A prompt can be a stream of user messages: several turns on one CLI process, sent as your
// program produces them (a queue, a socket, a UI). Each turn ends with its own result.
async function* conversation(): AsyncGenerator<UserInput> {
  yield 'My name is Ada. Greet me.';
  // The full message form, for content blocks (images, documents) or a client-side uuid.
  yield {
    type: 'user',
    session_id: '',
    message: { role: 'user', content: [{ type: 'text', text: 'What is my name?' }] },
    parent_tool_use_id: null,
  };
}

for await (const message of query({ prompt: conversation(), options: { env: model.env } })) {
  if (message.type === 'result')
    console.log(`result › ${finalText(message)} (session ${message.session_id.slice(0, 8)}…)`);
}
// #endregion streaming-input
