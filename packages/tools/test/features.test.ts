import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import * as lib from '../src/index.js';
import { createFeatureServer } from './fixtures/featureServer.js';

const textOf = (result: unknown) =>
  ((result as { content: { text?: string }[] }).content ?? []).map((c) => c.text).join('\n');

describe('resources, prompts, completion and the handler context with a real MCP client', () => {
  const server = createFeatureServer();
  let handler: lib.McpHttpHandler;
  let client: Client;
  let elicitAnswer: unknown = { action: 'accept', content: { name: 'Ada' } };

  beforeAll(async () => {
    handler = lib.createHttpHandler(server);
    client = new Client(
      { name: 'features-test', version: '1.0.0' },
      { capabilities: { sampling: {}, elicitation: { form: {} }, roots: {} } },
    );
    client.setRequestHandler(CreateMessageRequestSchema, (request) => ({
      role: 'assistant',
      model: 'fake',
      content: {
        type: 'text',
        text: `echo ${(request.params.messages[0]?.content as { text: string }).text}`,
      },
    }));
    client.setRequestHandler(ElicitRequestSchema, () => elicitAnswer as never);
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: [{ uri: 'file:///work', name: 'work' }],
    }));
    await client.connect(
      new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
        fetch: (input, init) => handler.fetch(new Request(input, init)),
      }),
    );
  });

  afterAll(async () => {
    await client?.close();
    await handler?.close();
  });

  test('initialize carries title and instructions, and declares what the server serves', () => {
    expect(client.getServerVersion()).toEqual({
      name: 'features',
      version: '1.2.3',
      title: 'Feature server',
    });
    expect(client.getInstructions()).toBe('Use the notes.');
    expect(client.getServerCapabilities()).toEqual({
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
      logging: {},
    });
  });

  test('lists static resources, template-listed ones and templates', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([
      'docs://readme',
      'docs://logo.png',
      'docs://broken',
      'notes://groceries',
      'notes://todo',
    ]);
    expect(resources[0]).toEqual({
      uri: 'docs://readme',
      name: 'readme',
      title: 'Read me',
      mimeType: 'text/markdown',
    });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      { uriTemplate: 'notes://{name}', name: 'note', description: 'A note by name' },
    ]);
  });

  test('reads text, bytes (as base64) and template resources', async () => {
    expect(await client.readResource({ uri: 'docs://readme' })).toEqual({
      contents: [{ uri: 'docs://readme', mimeType: 'text/markdown', text: '# Readme' }],
    });
    expect(await client.readResource({ uri: 'docs://logo.png' })).toEqual({
      contents: [{ uri: 'docs://logo.png', mimeType: 'image/png', blob: 'iVBORw==' }],
    });
    expect(await client.readResource({ uri: 'notes://todo' })).toEqual({
      contents: [{ uri: 'notes://todo', mimeType: 'text/plain', text: 'write tests' }],
    });
  });

  test('bad reads are JSON-RPC errors naming the problem; the server keeps serving', async () => {
    await expect(client.readResource({ uri: 'nowhere://x' })).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining('Resource not found: nowhere://x'),
    });
    await expect(client.readResource({ uri: 'notes://nope' })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringContaining('failed to read notes://nope: no note named nope'),
    });
    await expect(client.readResource({ uri: 'docs://broken' })).rejects.toThrow(
      /Resource "broken" returned an invalid result: "contents" must be an array/,
    );
    expect((await client.readResource({ uri: 'docs://readme' })).contents).toHaveLength(1);
  });

  test('prompts: list, typed arguments, embedded resources, validation', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts[0]).toEqual({
      name: 'review',
      description: 'Review code in a language',
      arguments: [
        { name: 'code', description: 'The code', required: true },
        { name: 'language', required: false },
      ],
    });
    const result = await client.getPrompt({
      name: 'review',
      arguments: { code: 'x=1', language: 'py' },
    });
    expect(result.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Review this py:' } },
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: { uri: 'code://snippet', mimeType: 'text/plain', text: 'x=1' },
        },
      },
    ]);
    await expect(
      client.getPrompt({ name: 'review', arguments: { language: 'rust' } }),
    ).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Invalid arguments for prompt "review":\n- code:'),
    });
    await expect(client.getPrompt({ name: 'bad_prompt' })).rejects.toThrow(
      /Prompt "bad_prompt" returned an invalid result: messages\.0\./,
    );
    await expect(client.getPrompt({ name: 'nope' })).rejects.toThrow(/Unknown prompt "nope"/);
  });

  test('completion: template variables by function, enum prompt arguments by themselves', async () => {
    expect(
      await client.complete({
        ref: { type: 'ref/resource', uri: 'notes://{name}' },
        argument: { name: 'name', value: 'gr' },
      }),
    ).toEqual({ completion: { values: ['groceries'], total: 1, hasMore: false } });
    expect(
      await client.complete({
        ref: { type: 'ref/prompt', name: 'review' },
        argument: { name: 'language', value: 'p' },
      }),
    ).toEqual({ completion: { values: ['py'], total: 1, hasMore: false } });
  });

  test('the context: elicitation typed and validated, sampling, roots', async () => {
    elicitAnswer = { action: 'accept', content: { name: 'Ada' } };
    expect(textOf(await client.callTool({ name: 'ask', arguments: {} }))).toBe('hello Ada');
    elicitAnswer = { action: 'decline' };
    expect(textOf(await client.callTool({ name: 'ask', arguments: {} }))).toBe('no: decline');
    elicitAnswer = { action: 'accept', content: { name: 'A' } };
    const invalid = await client.callTool({ name: 'ask', arguments: {} });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toContain('does not match the elicitation schema:\n- name:');
    expect(textOf(await client.callTool({ name: 'sample', arguments: { q: 'hi' } }))).toBe(
      'model said: echo hi',
    );
    expect(textOf(await client.callTool({ name: 'roots', arguments: {} }))).toBe('file:///work');
  });

  test('malformed tool results are errors that name the problem, never successes', async () => {
    const notArray = await client.callTool({ name: 'malformed', arguments: {} });
    expect(notArray).toEqual({
      content: [
        {
          type: 'text',
          text: 'Tool "malformed" returned an invalid result: "content" must be an array of content blocks; got the string "not-an-array".',
        },
      ],
      isError: true,
    });
    const noData = await client.callTool({ name: 'no_data', arguments: {} });
    expect(noData.isError).toBe(true);
    expect(textOf(noData)).toMatch(/Tool "no_data" returned an invalid result: content\.0/);
  });

  test('run-time changes send list_changed; subscriptions get updated', async () => {
    const seen: string[] = [];
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      seen.push('tools');
    });
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      seen.push('resources');
    });
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      seen.push(`updated ${n.params.uri}`);
    });
    // The standalone GET stream carries notifications that belong to no request.
    await expect.poll(() => handler.sessionCount).toBe(1);
    const extra = lib.tool('extra', 'Added later', { n: z.number() }, ({ n }) => `${n}`);
    server.addTool(extra);
    await expect.poll(() => seen).toContain('tools');
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('extra');
    expect(server.removeTool('extra')).toBe(true);
    server.addResource(lib.resource('late', 'docs://late', () => 'late'));
    await expect.poll(() => seen).toContain('resources');
    await client.subscribeResource({ uri: 'docs://late' });
    server.notifyResourceUpdated('docs://late');
    server.notifyResourceUpdated('docs://readme');
    await expect.poll(() => seen).toContain('updated docs://late');
    expect(seen).not.toContain('updated docs://readme');
    await client.unsubscribeResource({ uri: 'docs://late' });
    await expect(client.subscribeResource({ uri: 'nowhere://x' })).rejects.toThrow(
      /no resource serves that URI/,
    );
  });
});

describe('definition errors are typed and thrown at definition time', () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return lib.ToolDefinitionError.is(error) ? error.code : 'not a ToolDefinitionError';
    }
    return undefined;
  };

  test('bad URI template, template given to resource(), non-string prompt args', () => {
    expect(codeOf(() => lib.resourceTemplate('t', 'db://{table', () => ''))).toBe(
      'INVALID_URI_TEMPLATE',
    );
    expect(codeOf(() => lib.resource('t', 'db://{table}', () => ''))).toBe(
      'INVALID_TOOL_DEFINITION',
    );
    expect(
      codeOf(() =>
        lib.resourceTemplate('t', 'db://{table}', () => '', {
          complete: { id: () => [] } as never,
        }),
      ),
    ).toBe('INVALID_TOOL_DEFINITION');
    expect(codeOf(() => lib.prompt('p', 'd', { n: z.number() }, () => ''))).toBe(
      'UNSUPPORTED_SCHEMA',
    );
    expect(
      codeOf(() =>
        lib.prompt('p', 'd', { type: 'object', properties: { n: { type: 'integer' } } }, () => ''),
      ),
    ).toBe('UNSUPPORTED_SCHEMA');
    expect(codeOf(() => lib.prompt('bad name', 'd', {}, () => ''))).toBe('INVALID_TOOL_NAME');
  });

  test('duplicate names and URIs', () => {
    const a = lib.resource('a', 'docs://a', () => '');
    const p = lib.prompt('p', 'd', {}, () => '');
    expect(
      codeOf(() =>
        lib.createSdkMcpServer({
          name: 's',
          resources: [a, lib.resource('b', 'docs://a', () => '')],
        }),
      ),
    ).toBe('DUPLICATE_NAME');
    expect(
      codeOf(() =>
        lib.createSdkMcpServer({
          name: 's',
          resources: [a, lib.resourceTemplate('a', 'x://{y}', () => '')],
        }),
      ),
    ).toBe('DUPLICATE_NAME');
    expect(codeOf(() => lib.createSdkMcpServer({ name: 's', prompts: [p, p] }))).toBe(
      'DUPLICATE_NAME',
    );
    expect(codeOf(() => lib.createSdkMcpServer({ name: 's' }).addResource(a))).toBe(
      'INVALID_TOOL_DEFINITION',
    );
  });
});
