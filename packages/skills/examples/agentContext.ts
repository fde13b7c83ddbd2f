// #region agent-context
import { createAgentContext } from '../src/index.js';

const context = createAgentContext({
  skills: [
    { name: 'Python Expert', content: 'You write typed Python.', trigger: ['python', '.py'] },
    { name: 'Database Expert', content: 'You write safe SQL.', trigger: ['sql', 'postgres'] },
    { name: 'General Guidelines', content: 'Be helpful and thorough.' }, // always active
  ],
  systemMessageSuffix: 'Explain your reasoning.',
});

const message = 'Speed up the SQL in report.py';
export const options = context.buildOptions(message, { allowedTools: ['Read'], maxTurns: 10 });
console.log(options.systemPrompt);
// #endregion agent-context
