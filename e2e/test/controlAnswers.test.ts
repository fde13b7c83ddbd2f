import {
  ClaudeSDKClient,
  type SDKControlGetContextUsageResponse,
  type SDKControlGetUsageResponse,
  type SDKControlMcpReadResourceResponse,
} from '@agentsdk/core';
import { createSdkMcpServer, resource } from '@agentsdk/tools';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, denyTool, say, toolResultsIn } from './wire.js';

const notesStdio = fileURLToPath(new URL('./fixtures/notesStdio.mjs', import.meta.url));
const card = '<p>milk, eggs</p>';

describe('typed control answers on the real CLI', () => {
  it('getContextUsage(), usage() and readMcpResource() answer in their typed shapes', async () => {
    const t = await e2e([say('ok')]);
    const local = createSdkMcpServer({
      name: 'local',
      resources: [
        resource('card', 'ui://local/card', () => card, { mimeType: 'text/html' }),
        resource('readme', 'text://local/readme', () => 'Read me.', { mimeType: 'text/plain' }),
      ],
    });
    await using client = new ClaudeSDKClient(
      t.options({
        mcpServers: {
          notes: { type: 'stdio', command: process.execPath, args: [notesStdio] },
          local,
        },
      }),
    );
    await client.connect();
    // A first turn: the CLI has connected the stdio server before it answers.
    await client.query('hi');
    await collect(client.receiveResponse());

    const context: SDKControlGetContextUsageResponse = await client.getContextUsage();
    expect(context).toMatchObject({
      totalTokens: expect.any(Number),
      maxTokens: expect.any(Number),
      rawMaxTokens: expect.any(Number),
      percentage: expect.any(Number),
      model: expect.any(String),
      isAutoCompactEnabled: expect.any(Boolean),
      memoryFiles: expect.any(Array),
      mcpTools: expect.any(Array),
      agents: expect.any(Array),
      gridRows: expect.any(Array),
    });
    expect(context.apiUsage).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
    });
    expect(context.categories.length).toBeGreaterThan(0);
    for (const row of context.categories) {
      expect(row).toMatchObject({ name: expect.any(String), tokens: expect.any(Number) });
      expect(['used', 'free', 'buffer', 'deferred']).toContain(row.kind);
    }
    expect(context.gridRows.flat()[0]).toMatchObject({
      color: expect.any(String),
      isFilled: expect.any(Boolean),
      categoryName: expect.any(String),
      squareFullness: expect.any(Number),
    });
    // The summary form answers from estimates, without counting tokens with the API.
    const counted = t.server.requests.filter((r) => r.kind === 'count_tokens').length;
    const summary = await client.getContextUsage({ detail: 'summary' });
    expect(summary.totalTokens).toEqual(expect.any(Number));
    expect(t.server.requests.filter((r) => r.kind === 'count_tokens').length).toBe(counted);

    const usage: SDKControlGetUsageResponse = await client.usage({ skipBehaviors: true });
    expect(usage).toMatchObject({
      session: {
        total_cost_usd: expect.any(Number),
        total_api_duration_ms: expect.any(Number),
        total_duration_ms: expect.any(Number),
        total_lines_added: expect.any(Number),
        total_lines_removed: expect.any(Number),
        model_usage: expect.any(Object),
      },
      // An API-key session: no plan, so no plan limits and no behaviour scan.
      subscription_type: null,
      rate_limits_available: false,
      rate_limits: null,
      behaviors: null,
    });

    const read: SDKControlMcpReadResourceResponse = await client.readMcpResource(
      'notes',
      'ui://notes/card',
    );
    expect(read.contents).toEqual([
      expect.objectContaining({ uri: 'ui://notes/card', mimeType: 'text/html', text: card }),
    ]);
    // CLI 2.1.331 reads only `ui://` resources this way, and none of an in-process server
    // ("does not support SDK MCP servers"): those are read here, whatever their scheme.
    await expect(client.readMcpResource('notes', 'note://groceries')).rejects.toMatchObject({
      code: 'CONTROL_ERROR',
      message: expect.stringContaining('ui://'),
    });
    expect((await client.readMcpResource('local', 'ui://local/card')).contents).toEqual([
      { uri: 'ui://local/card', mimeType: 'text/html', text: card },
    ]);
    expect((await client.readMcpResource('local', 'text://local/readme')).contents).toEqual([
      { uri: 'text://local/readme', mimeType: 'text/plain', text: 'Read me.' },
    ]);
    await expect(client.readMcpResource('local', 'text://local/nope')).rejects.toMatchObject({
      code: 'CONTROL_ERROR',
      subtype: 'mcp_read_resource',
      message: expect.stringContaining('text://local/nope'),
    });
  });

  it('reinitialize() gets a fresh initialize answer; the hooks it re-sends run once', async () => {
    const t = await e2e([
      callTool('Bash', { command: 'echo hi', description: 'say hi' }, 'toolu_bash'),
      say('done'),
    ]);
    const seen: string[] = [];
    await using client = new ClaudeSDKClient(
      t.options({
        agents: { helper: { description: 'Helps', prompt: 'Help.' } },
        hooks: denyTool('Bash', 'No shell here.', seen),
      }),
    );
    await client.connect();
    const first = await client.getServerInfo();
    const fresh = await client.reinitialize({ timeoutMs: 30_000 });
    expect(fresh).not.toBe(first);
    expect(fresh).toMatchObject({
      claude_code_version: first.claude_code_version,
      pid: first.pid,
      commands: expect.any(Array),
      models: expect.any(Array),
    });
    expect(fresh.agents).toContainEqual(expect.objectContaining({ name: 'helper' }));
    expect(await client.getServerInfo()).toBe(first);

    await client.query('run it');
    await collect(client.receiveResponse());
    expect(seen).toEqual(['Bash']);
    const bash = toolResultsIn(t.server.lastMainRequest()).find(
      (r) => r.tool_use_id === 'toolu_bash',
    );
    expect(JSON.stringify(bash?.content)).toContain('No shell here.');
  });
});
