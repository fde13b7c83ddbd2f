import { query, type McpServerConfig, type TraceEntry } from '@agentsdk/core';
import { createSdkMcpServer, resource, tool } from '@agentsdk/tools';
import {
  ListRootsResultSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, say, toolResultsIn } from './wire.js';

const notesStdio = fileURLToPath(new URL('./fixtures/notesStdio.mjs', import.meta.url));
const dynamicStdio = fileURLToPath(new URL('./fixtures/dynamicStdio.mjs', import.meta.url));

/**
 * The in-process server of the list_changed test: `unlock` adds `secret` at run time, and answers
 * once the CLI has fetched the list again (`refetched`), so the model's next turn cannot win the race.
 */
function dynamicServer(refetched: Promise<void>) {
  const server = createSdkMcpServer({ name: 'dyn', tools: [] });
  server.addTool(
    tool('unlock', 'Unlock the secret tool', {}, async () => {
      server.addTool(tool('secret', 'Tell the secret', {}, () => 'the secret is 42'));
      await refetched;
      return 'unlocked';
    }),
  );
  return server;
}

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

  it('a stdio server resource is read by the model through the CLI resource tools', async () => {
    const t = await e2e([
      callTool('ReadMcpResourceTool', { server: 'notes', uri: 'note://groceries' }, 'toolu_read'),
      say('milk and eggs'),
    ]);
    await collect(
      query({
        prompt: 'what is on the list?',
        options: t.options({
          mcpServers: { notes: { type: 'stdio', command: process.execPath, args: [notesStdio] } },
          allowedTools: ['ReadMcpResourceTool'],
        }),
      }),
    );
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(JSON.stringify(got.find((r) => r.tool_use_id === 'toolu_read'))).toContain('milk, eggs');
  });

  it.each([
    ['in process', (refetched: Promise<void>): McpServerConfig => dynamicServer(refetched)],
    [
      'stdio',
      (): McpServerConfig => ({ type: 'stdio', command: process.execPath, args: [dynamicStdio] }),
    ],
  ])(
    '%s: tools/list_changed makes the CLI refetch the tools, and the new one is called',
    async (_, server) => {
      const t = await e2e([
        callTool('mcp__dyn__unlock', {}, 'toolu_unlock'),
        callTool('mcp__dyn__secret', {}, 'toolu_secret'),
        say('42'),
      ]);
      let sawRefetch!: () => void;
      const refetched = new Promise<void>((resolve) => (sawRefetch = resolve));
      let notified = false;
      await collect(
        query({
          prompt: 'unlock, then tell the secret',
          options: t.options({
            mcpServers: { dyn: server(refetched) },
            allowedTools: ['mcp__dyn__unlock', 'mcp__dyn__secret'],
            // In process the wire shows the CLI's refetch: tools/list after list_changed.
            trace: (entry) => {
              const text = 'msg' in entry ? JSON.stringify(entry.msg) : '';
              if (text.includes('notifications/tools/list_changed')) notified = true;
              else if (notified && text.includes('"method":"tools/list"')) sawRefetch();
            },
          }),
        }),
      );
      const got = toolResultsIn(t.server.lastMainRequest());
      expect(got.find((r) => r.tool_use_id === 'toolu_unlock')).toMatchObject({
        content: [{ type: 'text', text: 'unlocked' }],
      });
      // Unknown to the CLI unless it fetched the list again after the notification.
      expect(got.find((r) => r.tool_use_id === 'toolu_secret')).toMatchObject({
        content: [{ type: 'text', text: 'the secret is 42' }],
      });
    },
  );

  it('an in-process server-to-client request reaches the CLI and its answer comes back', async () => {
    // CLI 2.1.331 declares no client capabilities on the in-process route and answers
    // roots/list, elicitation/create and sampling/createMessage with -32601 in a later
    // mcp_message. A raw handler (the escape hatch) asks anyway, to see the round trip.
    const t = await e2e([
      callTool('ReadMcpResourceTool', { server: 'asker', uri: 'asker://roots' }, 'toolu_roots'),
      say('no roots'),
    ]);
    const asker = createSdkMcpServer({
      name: 'asker',
      resources: [resource('roots', 'asker://roots', () => 'replaced below')],
      configureServer: (server) =>
        server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
          const answer = await extra
            .sendRequest({ method: 'roots/list' }, ListRootsResultSchema)
            .then(
              (result) => `roots: ${JSON.stringify(result)}`,
              (error: Error) => `the client answered: ${error.message}`,
            );
          return { contents: [{ uri: request.params.uri, text: answer }] };
        }),
    });
    const wire: TraceEntry[] = [];
    await collect(
      query({
        prompt: 'list the roots',
        options: t.options({
          mcpServers: { asker },
          allowedTools: ['ReadMcpResourceTool'],
          trace: (entry) => void ('dir' in entry && wire.push(entry as TraceEntry)),
        }),
      }),
    );
    const carried = wire.map((e) => JSON.stringify('msg' in e ? e.msg : ''));
    const out = carried.findIndex((m) => m.includes('"method":"roots/list"'));
    expect(out, 'the request went to the CLI').toBeGreaterThan(-1);
    expect(wire[out]).toMatchObject({ dir: 'sdk->cli' });
    const back = carried.findIndex((m, i) => i > out && m.includes('"code":-32601'));
    expect(wire[back]).toMatchObject({ dir: 'cli->sdk' });
    const got = toolResultsIn(t.server.lastMainRequest());
    expect(JSON.stringify(got.find((r) => r.tool_use_id === 'toolu_roots'))).toContain(
      'the client answered: MCP error -32601: Method not found',
    );
  });
});
