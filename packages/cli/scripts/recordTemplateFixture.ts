/**
 * Records the `tool` template's bundled fixture (`templates/tool/test/fixtures/greet.jsonl`):
 * the real Claude Code CLI, offline against the scripted model server, calls `greet` from the
 * template's own source. The server name stays the `__SERVER_NAME__` placeholder, which the
 * scaffolder fills in.
 *
 *   ./scripts/pnpm --filter create-agent-tool exec tsx scripts/recordTemplateFixture.ts
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCli, query, type ClaudeAgentOptions } from '@agentsdk/core';
import { offlineEnvironment, recordingTransport } from '@agentsdk/testing';
import { server as tools } from '../templates/tool/src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(packageDir, '..', '..');
// CLAUDE_CLI_PATH, else the pinned CLI of the e2e package.
const cliPath = discoverCli({ searchFrom: [join(repoDir, 'e2e')] }).path;
const fixture = join(packageDir, 'templates', 'tool', 'test', 'fixtures', 'greet.jsonl');

const turns = [
  {
    content: [
      { type: 'text' as const, text: 'Let me greet Ada.' },
      {
        type: 'tool_use' as const,
        id: 'toolu_greet_1',
        name: 'mcp__tools__greet',
        input: { name: 'Ada' },
      },
    ],
  },
  { content: [{ type: 'text' as const, text: 'I said: Hello, Ada!' }] },
];

const offline = await offlineEnvironment({ script: turns });
try {
  const options: ClaudeAgentOptions = {
    mcpServers: { tools },
    allowedTools: ['mcp__tools__greet'],
    cliPath,
    cwd: offline.workspace('project'),
    env: offline.env,
  };
  const transport = recordingTransport({
    path: fixture,
    options,
    redact: { home: true, values: { [offline.root]: 'workdir', [repoDir]: 'repo' } },
    name: 'greet',
    description: 'The model calls the greet tool once; its answer reaches the model.',
    meta: { model_script: { turns }, prompt: 'Greet Ada.' },
  });
  for await (const message of query({ prompt: 'Greet Ada.', options, transport })) {
    if (message.type === 'result') process.stderr.write(`result: ${message.subtype}\n`);
  }
  const written = await transport.recorded();
  process.stderr.write(`recorded ${fixture}: ${written.records.length} records\n`);
} finally {
  await offline.close();
}
