import { query } from '@agentsdk/core';
import { modelEnvironment } from '@agentsdk/examples-shared';

await using model = await modelEnvironment([
  {
    content: [
      { type: 'thinking', thinking: 'The user wants the file count; one shell command is enough.' },
      { type: 'text', text: 'Let me count the files in this folder.' },
      {
        type: 'tool_use',
        name: 'Bash',
        input: { command: 'ls -1 | wc -l', description: 'Count files' },
      },
    ],
    chunk_chars: 6, // small chunks: many deltas, as a real stream has
  },
  {
    content: [
      {
        type: 'text',
        text: 'This folder is empty: the command counted 0 files. Create some and ask again!',
      },
    ],
    chunk_chars: 6,
  },
]);

// #region stream
const counts = { text: 0, thinking: 0, input: 0 };
let open: 'text' | 'thinking' | undefined; // the block being printed, to end its line
for await (const message of query({
  prompt: 'How many files are in this folder?',
  options: {
    includePartialMessages: true, // raw API stream events as `stream_event` messages
    allowedTools: ['Bash'],
    cwd: model.workspace('project'),
    env: model.env,
  },
})) {
  if (message.type === 'stream_event') {
    const { event } = message;
    if (event.type === 'content_block_start') {
      const block = event.content_block;
      if (block.type === 'text' || block.type === 'thinking') {
        open = block.type;
        process.stdout.write(block.type === 'text' ? 'claude › ' : 'think  › ');
      } else if (block.type === 'tool_use')
        console.log(`tool   › ${block.name} (input streaming…)`);
    } else if (event.type === 'content_block_delta') {
      const { delta } = event;
      if (delta.type === 'text_delta') {
        counts.text += 1;
        process.stdout.write(delta.text); // token by token, as it arrives
      } else if (delta.type === 'thinking_delta') {
        counts.thinking += 1;
        process.stdout.write(delta.thinking);
      } else if (delta.type === 'input_json_delta') counts.input += 1; // concatenate, then parse
    } else if (event.type === 'content_block_stop' && open) {
      process.stdout.write('\n');
      open = undefined;
    }
  } else if (message.type === 'assistant') {
    // The complete message still arrives: use it for anything that needs the whole block.
    for (const block of message.message.content)
      if (block.type === 'tool_use')
        console.log(`tool   › ${block.name} ${JSON.stringify(block.input)}`);
  } else if (message.type === 'result') {
    console.log(`result › ${message.subtype}, $${message.total_cost_usd.toFixed(5)}`);
  }
}
console.log(
  `deltas › ${counts.text} text, ${counts.thinking} thinking, ${counts.input} tool input`,
);
// #endregion stream
