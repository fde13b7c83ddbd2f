import { join } from 'node:path';
import { query, type ClaudeAgentOptions } from '@agentsdk/core';
import { modelEnvironment, say, useTool } from '@agentsdk/examples-shared';
import {
  callTool,
  collect,
  recordingTransport,
  replayTransport,
  ReplayDivergenceError,
  resultText,
  toolCalls,
} from '@agentsdk/testing';
import { createSdkMcpServer, tool } from '@agentsdk/tools';
import { z } from 'zod';
import { calculator } from './calculator.js';

// Testing tools and agents offline: call a tool directly, then record a real CLI session once and
// replay it in milliseconds, without the CLI, with the tool's real handler answering.
await using model = await modelEnvironment([
  useTool('mcp__calc__add', { a: 2, b: 3 }),
  say('2 + 3 = 5.'),
]);

// #region call-tool
// 1. Unit test: drive the in-process server as Claude Code does (JSON-RPC over tools/call).
const direct = await callTool(calculator, 'add', { a: 2, b: 3 });
console.log(`direct › add(2, 3) → ${resultText(direct)}`);
const invalid = await callTool(calculator, 'add', { a: 'two', b: 3 });
console.log(
  `direct › add("two", 3) → isError ${invalid.isError}: ${resultText(invalid).split('\n')[0]}`,
);
// #endregion call-tool

// #region record
// 2. Record: the real CLI (here against the scripted model), saved as an NDJSON fixture.
const fixture = join(model.workspace('fixtures'), 'calc-add.jsonl');
const prompt = 'What is 2 + 3? Use the calculator.';
const options: ClaudeAgentOptions = {
  mcpServers: { calc: calculator },
  allowedTools: calculator.toolNames(),
  cwd: model.workspace('project'),
  env: model.env,
};
const recorder = recordingTransport({ path: fixture, options });
await collect(query({ prompt, options, transport: recorder }));
const recorded = await recorder.recorded(); // written once the CLI has exited, secrets redacted
console.log(`record › ${recorded.records.length} records in ${fixture.split('/').pop()}`);
// #endregion record

// #region replay
// 3. Replay: no CLI, no model. The CLI's side comes from the file; our tool really runs and its
// answers are compared with the recorded ones.
const started = performance.now();
const messages = await collect(
  query({
    prompt,
    options: { mcpServers: { calc: calculator } },
    transport: replayTransport(fixture),
  }),
);
const calls = toolCalls(messages).map((c) => `${c.name} → ${JSON.stringify(c.result)}`);
console.log(
  `replay › ${messages.length} messages in ${Math.round(performance.now() - started)} ms: ${calls.join(', ')}`,
);
// #endregion replay

// #region divergence
// 4. A regression: the same session against a calculator whose add is now off by one.
const numbers = { a: z.number().describe('First number'), b: z.number().describe('Second number') };
const offByOne = tool(
  'add',
  'Add two numbers',
  numbers,
  ({ a, b }) => `${a} + ${b} = ${a + b + 1}`,
);
const broken = createSdkMcpServer({
  name: 'calc',
  version: '1.0.0',
  tools: calculator.tools.map((t) => (t.name === 'add' ? offByOne : t)),
});
try {
  await collect(
    query({
      prompt,
      options: { mcpServers: { calc: broken } },
      transport: replayTransport(fixture),
    }),
  );
} catch (error) {
  if (!(error instanceof ReplayDivergenceError)) throw error;
  console.log(`diverged › ${error.message.split('\n').slice(0, 4).join('\n           ')}`);
}
// #endregion divergence
