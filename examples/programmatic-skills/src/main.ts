import { basename } from 'node:path';
import { query, type HookCallback } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { createAgentContext } from '@agentsdk/skills';

await using model = await modelEnvironment([
  useTool('Write', {
    file_path: 'report.py',
    content:
      'def orders_for(db, customer_id: int):\n    return db.execute("SELECT * FROM orders WHERE customer_id = ?", (customer_id,))\n',
  }),
  say('Rewrote the query with a bound parameter and a typed signature, as the guidelines ask.'),
  say('Leaves drift down slow,\nthe maple lets go of red,\nsoft light, shorter days.'),
]);

// #region context
// Skills held in code: each is a section of the system prompt, active when its trigger matches.
const context = createAgentContext({
  skills: [
    {
      name: 'Python Expert',
      content: 'You write typed, PEP 8 Python.',
      trigger: ['python', '.py'],
    },
    {
      name: 'Database Expert',
      content: 'You write safe, parameterised SQL.',
      trigger: ['sql', 'database', 'query'],
    },
    { name: 'General Guidelines', content: 'Be helpful and thorough.' }, // no trigger: always active
  ],
  systemMessageSuffix: 'Always explain your reasoning.',
});
// #endregion context

// #region event-skill
// An event-triggered skill: review guidelines injected right before a file is written.
const reviewBeforeWrite: HookCallback<'PreToolUse'> = (input) => {
  const path = String(input.tool_input['file_path'] ?? '');
  const guidelines = path.endsWith('.py')
    ? 'Before writing Python: docstrings, type hints, no hard-coded secrets.'
    : 'Before writing: handle errors and validate input.';
  console.log(`hook   › guidelines for ${basename(path)}`);
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', additionalContext: guidelines } };
};
// #endregion event-skill

const cwd = model.workspace('project');
// #region per-message
for (const message of [
  'Help me optimise the Python database query in report.py',
  'Write a haiku about autumn',
]) {
  console.log(`\nyou    › ${message}`);
  console.log(
    `active › ${context
      .activeSkills(message)
      .map((s) => s.name)
      .join(', ')}`,
  );
  // The system prompt is fixed for a session, so each message gets options of its own.
  const options = context.buildOptions(message, {
    permissionMode: 'acceptEdits',
    hooks: { PreToolUse: [{ matcher: 'Write|Edit', hooks: [reviewBeforeWrite] }] },
    maxTurns: 10,
    cwd,
    env: model.env,
  });
  for await (const m of query({ prompt: context.buildPrompt(message), options })) printMessage(m);
}
// #endregion per-message
