import { query } from '@agentsdk/core';
import { createSdkMcpServer, resource } from '@agentsdk/tools';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, say, toolResultsIn } from './wire.js';

const notesStdio = fileURLToPath(new URL('./fixtures/notesStdio.mjs', import.meta.url));

describe('@agentsdk/tools resources and prompts against the real CLI', () => {
  it('prompts of a stdio server become mcp__<server>__<prompt> slash commands', async () => {
    const t = await e2e([say('ok')]);
    const messages = await collect(
      query({
        prompt: 'hi',
        options: t.options({
          mcpServers: { notes: { type: 'stdio', command: process.execPath, args: [notesStdio] } },
        }),
      }),
    );
    const init = messages.find((m) => m.type === 'system' && m.subtype === 'init') as
      { slash_commands?: string[]; mcp_servers?: { name: string; status: string }[] } | undefined;
    expect(init?.mcp_servers).toContainEqual(
      expect.objectContaining({ name: 'notes', status: 'connected' }),
    );
    expect(init?.slash_commands).toContain('mcp__notes__summarize');
  });

  it('the model reads an in-process resource through the CLI resource tools', async () => {
    const t = await e2e([
      callTool('ReadMcpResourceTool', { server: 'notes', uri: 'note://groceries' }, 'toolu_read'),
      say('milk and eggs'),
    ]);
    const notes = createSdkMcpServer({
      name: 'notes',
      resources: [resource('groceries', 'note://groceries', () => 'milk, eggs')],
    });
    await collect(
      query({
        prompt: 'what is on the list?',
        options: t.options({ mcpServers: { notes }, allowedTools: ['ReadMcpResourceTool'] }),
      }),
    );
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(JSON.stringify(got.find((r) => r.tool_use_id === 'toolu_read'))).toContain('milk, eggs');
  });
});
