/**
 * The README's quick start. Run: ./scripts/pnpm --filter @agentsdk/testing exec tsx test/examples/quickstart.example.ts
 * (README imports from '@agentsdk/testing'; this file imports the source so it compiles unbuilt.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createModelServer } from '../../src/index.js';

const claude = process.env['CLAUDE_CLI_PATH'] ?? 'claude';

await using server = await createModelServer({
  script: {
    turns: [
      { content: [{ type: 'tool_use', name: 'Bash', input: { command: 'echo hi' } }] },
      { content: [{ type: 'text', text: 'The command printed hi.' }] },
    ],
  },
});

const home = await mkdtemp(join(tmpdir(), 'claude-home-'));
const { stdout } = await promisify(execFile)(
  claude,
  ['-p', 'Run echo hi', '--output-format', 'json', '--allowedTools=Bash'],
  {
    env: {
      PATH: process.env['PATH'],
      HOME: home,
      TMPDIR: home,
      ANTHROPIC_API_KEY: 'sk-test', // any value: nothing leaves 127.0.0.1
      ANTHROPIC_BASE_URL: server.url,
    },
  },
);

const result = JSON.parse(stdout) as { result: string; is_error: boolean };
console.log(result.is_error, result.result);
for (const r of server.requests) console.log(r.index, r.kind, r.turnIndex ?? '-', r.status);
// The second model request carries the tool's output as its last message.
const messages = server.lastMainRequest()?.body?.messages as { content: unknown }[];
console.log(JSON.stringify(messages.at(-1)?.content));
await rm(home, { recursive: true, force: true });
