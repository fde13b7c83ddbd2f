// The same server on the raw MCP SDK, for comparison (docs/31-mcp-server.md).
// #region raw
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import { z } from 'zod';

const notes = new Map<string, string>([['groceries', 'milk, eggs']]);

export function createRawNotesServer(): McpServer {
  const server = new McpServer(
    { name: 'notes', version: '1.0.0' },
    {
      instructions: 'Notes live at note://{name}. Save with add_note.',
      capabilities: { resources: { subscribe: true } },
    },
  );
  server.registerTool(
    'add_note',
    { description: 'Save a note', inputSchema: { name: z.string(), text: z.string() } },
    async ({ name, text }) => {
      notes.set(name, text);
      // Subscriptions (resources/subscribe) need hand-written handlers to be tracked first.
      await server.server.sendResourceUpdated({ uri: `note://${name}` });
      return { content: [{ type: 'text', text: `saved ${name}` }] };
    },
  );
  server.registerResource(
    'note',
    new ResourceTemplate('note://{name}', {
      list: () => ({
        resources: [...notes.keys()].map((name) => ({ uri: `note://${name}`, name })),
      }),
      complete: { name: (typed) => [...notes.keys()].filter((n) => n.startsWith(typed)) },
    }),
    { mimeType: 'text/plain' },
    (uri, { name }) => ({
      contents: [{ uri: uri.href, mimeType: 'text/plain', text: notes.get(String(name)) ?? '' }],
    }),
  );
  server.registerPrompt(
    'summarize',
    {
      description: 'Summarize a note',
      argsSchema: {
        name: z.string(),
        style: completable(z.string().optional(), (typed) =>
          ['short', 'detailed'].filter((s) => s.startsWith(typed ?? '')),
        ),
      },
    },
    ({ name, style }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Give a ${style ?? 'short'} summary of: ${notes.get(name) ?? '(empty)'}`,
          },
        },
      ],
    }),
  );
  return server;
}
// #endregion raw
