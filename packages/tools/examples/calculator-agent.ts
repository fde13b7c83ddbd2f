// #region agent
import { query } from '@agentsdk/core';
import { calculator } from './calculator.js';

for await (const message of query({
  prompt: 'Calculate: (10 + 5) * 3',
  options: {
    mcpServers: { calc: calculator },
    allowedTools: calculator.toolNames(), // ['mcp__calc__add', 'mcp__calc__subtract', …]
  },
})) {
  if (message.type === 'result') console.log(message);
}
// #endregion agent
