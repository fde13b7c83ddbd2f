import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, type AgentDefinition } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';

const delegate = (subagent_type: string, description: string, prompt: string) =>
  useTool('Agent', { subagent_type, description, prompt, run_in_background: false });

await using model = await modelEnvironment(
  [
    delegate('code-reviewer', 'Review auth.py', 'Review auth.py for security issues.'),
    delegate('test-runner', 'Run the tests', 'Run the test suite and report failures.'),
    say('Review: compare password hashes in constant time (hmac.compare_digest). Tests: 2 passed.'),
  ],
  {
    // What the subagents answer, in order (offline only).
    subagentScript: [
      useTool('Read', { file_path: 'auth.py' }),
      say(
        'One issue: check_password compares hashes with ==, which leaks timing. Use hmac.compare_digest.',
      ),
      useTool('Bash', { command: 'echo "2 passed in 0.01s"', description: 'Run the tests' }),
      say('All tests pass: 2 passed.'),
    ],
  },
);
const cwd = model.workspace('project');
writeFileSync(
  join(cwd, 'auth.py'),
  'import hashlib\n\ndef check_password(stored, given):\n    return stored == hashlib.sha256(given.encode()).hexdigest()\n',
);

// #region agents
const agents: Record<string, AgentDefinition> = {
  'code-reviewer': {
    description:
      'Expert code review specialist. Use for quality, security and maintainability reviews.',
    prompt: `You are a code review specialist with expertise in security, performance and best practices.
Identify security vulnerabilities and performance issues, and suggest specific improvements.
Be thorough but concise.`,
    tools: ['Read'], // read-only
    model: 'sonnet',
  },
  'test-runner': {
    description: 'Runs and analyses test suites. Use for test execution and coverage analysis.',
    prompt: 'You are a test execution specialist. Run the tests and explain each failure clearly.',
    tools: ['Bash', 'Read'],
    model: 'sonnet',
  },
};

for await (const message of query({
  prompt: 'Review the authentication module for security issues, then run the tests.',
  options: {
    agents,
    allowedTools: ['Agent', 'Read', 'Bash'],
    forwardSubagentText: true, // also deliver the subagents' own messages (parent_tool_use_id set)
    cwd,
    env: model.env,
  },
})) {
  if (message.type === 'system' && message.subtype === 'init')
    console.log(`agents › ${message.agents?.filter((name) => name in agents).join(', ')}`);
  printMessage(message);
}
// #endregion agents
