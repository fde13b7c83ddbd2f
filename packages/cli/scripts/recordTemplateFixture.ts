/**
 * Records the `tool` template's bundled fixture (`templates/tool/test/fixtures/greet.jsonl`):
 * the real Claude Code CLI, offline against the scripted model server, calls `greet` from the
 * template's own source. The server name stays the `__SERVER_NAME__` placeholder, which the
 * scaffolder fills in.
 *
 *   ./scripts/pnpm --filter create-agent-tool exec tsx scripts/recordTemplateFixture.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { query, type ClaudeAgentOptions } from '@agentsdk/core';
import { createModelServer, recordingTransport } from '@agentsdk/testing';
import { server as tools } from '../templates/tool/src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(packageDir, '..', '..');
const cliPath =
  process.env.CLAUDE_CLI_PATH ?? join(repoDir, 'e2e', 'node_modules', '.bin', 'claude');
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

const root = mkdtempSync(join(tmpdir(), 'agentsdk-template-fixture-'));
const home = join(root, 'home');
const tmp = join(root, 'tmp');
const cwd = join(root, 'project');
for (const dir of [home, tmp, cwd]) mkdirSync(dir, { recursive: true });
const model = await createModelServer({ script: turns });
try {
  const options: ClaudeAgentOptions = {
    mcpServers: { tools },
    allowedTools: ['mcp__tools__greet'],
    cliPath,
    cwd,
    env: {
      HOME: home,
      TMPDIR: tmp,
      ANTHROPIC_API_KEY: 'sk-test-offline',
      ANTHROPIC_BASE_URL: model.url,
      ANTHROPIC_AUTH_TOKEN: undefined,
      CLAUDE_CODE_MAX_RETRIES: '0',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_TELEMETRY: '1',
    },
  };
  const transport = recordingTransport({
    path: fixture,
    options,
    redact: { home: true, values: { [root]: 'workdir', [repoDir]: 'repo' } },
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
  await model.close();
  rmSync(root, { recursive: true, force: true });
}
