import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeSDKClient, type ClaudeAgentOptions } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';

const MAIN_PY = `def add(a, b):
    return a + b


def greet(name):
    return f"Hello, {name}!"
`;

const opening = 'Starting the refactor: first I will split main.py into two modules.';
await using model = await modelEnvironment([
  // 1. "Analyze the main.py file"
  useTool('Read', { file_path: 'main.py' }, { text: 'Let me read main.py.' }),
  say('main.py defines two functions, add(a, b) and greet(name), with no docstrings.'),
  // 2. "Add docstrings …"
  useTool('Edit', {
    file_path: 'main.py',
    old_string: 'def add(a, b):\n',
    new_string: 'def add(a, b):\n    """Return the sum of a and b."""\n',
  }),
  useTool('Edit', {
    file_path: 'main.py',
    old_string: 'def greet(name):\n',
    new_string: 'def greet(name):\n    """Return a greeting for name."""\n',
  }),
  say('Added a docstring to add and to greet.'),
  // 3. "Refactor the entire codebase": the answer stalls after its first block until interrupted.
  {
    content: [
      { type: 'text', text: opening },
      {
        type: 'text',
        text: 'Next I will move add into math_utils.py and greet into text_utils.py, then …',
      },
    ],
    stall_after_chars: opening.length + 20,
  },
  // 4. After the interrupt, in plan mode.
  say('Nothing changed since the docstrings: the refactor was interrupted before any edit.'),
]);

const cwd = model.workspace('project');
writeFileSync(join(cwd, 'main.py'), MAIN_PY);

// #region client
const options: ClaudeAgentOptions = {
  systemPrompt: 'You are a helpful coding assistant.',
  allowedTools: ['Read', 'Edit', 'Bash'],
  permissionMode: 'acceptEdits', // file edits in cwd need no approval
  maxTurns: 10,
  cwd,
  env: model.env,
};

// `await using` disconnects (and ends the CLI) when the block exits, even on an error.
await using client = new ClaudeSDKClient(options);
await client.connect();
const info = await client.getServerInfo();
console.log(
  `connected › Claude Code ${info.claude_code_version}, ${info.commands.length} commands`,
);

async function turn(prompt: string): Promise<void> {
  console.log(`\nyou    › ${prompt}`);
  await client.query(prompt);
  // receiveResponse() ends after this turn's result; the session stays open.
  for await (const message of client.receiveResponse()) printMessage(message);
}

await turn('Analyze the main.py file.');
await turn('Add docstrings to the functions you found.'); // the context is kept
// #endregion client

// #region interrupt
console.log('\nyou    › Refactor the entire codebase.');
await client.query('Refactor the entire codebase.');
let interrupted = false;
for await (const message of client.receiveResponse()) {
  printMessage(message);
  if (message.type === 'assistant' && !interrupted) {
    interrupted = true;
    console.log('(got the first message: interrupting)');
    await client.interrupt(); // the turn ends with an error_during_execution result
  }
}
// #endregion interrupt

// #region controls
await client.setPermissionMode('plan'); // read-only from here on
await turn('What did you change so far?');
// #endregion controls
