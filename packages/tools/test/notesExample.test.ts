import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { expect, test } from 'vitest';
import { createRawNotesServer } from '../examples/mcp-server/notes-raw-sdk.js';
import { notesServer } from '../examples/mcp-server/notes-server.js';
import { createHttpHandler } from '../src/index.js';

/** What a client sees of a notes server: the docs page shows both servers give the same answers. */
async function tour(client: Client) {
  return {
    resources: (await client.listResources()).resources,
    note: await client.readResource({ uri: 'note://groceries' }),
    prompt: await client.getPrompt({ name: 'summarize', arguments: { name: 'groceries' } }),
    completion: await client.complete({
      ref: { type: 'ref/resource', uri: 'note://{name}' },
      argument: { name: 'name', value: 'gro' },
    }),
    saved: await client.callTool({ name: 'add_note', arguments: { name: 'todo', text: 'x' } }),
  };
}

test('the docs example answers like the same server written on the raw MCP SDK', async () => {
  const handler = createHttpHandler(notesServer);
  const ours = new Client({ name: 'docs', version: '1.0.0' });
  await ours.connect(
    new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
      fetch: (input, init) => handler.fetch(new Request(input, init)),
    }),
  );
  const raw = new Client({ name: 'docs', version: '1.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createRawNotesServer().connect(serverSide);
  await raw.connect(clientSide);
  try {
    const mine = await tour(ours);
    expect(mine).toEqual(await tour(raw));
    expect(mine.note.contents).toEqual([
      { uri: 'note://groceries', mimeType: 'text/plain', text: 'milk, eggs' },
    ]);
    expect(mine.completion.completion.values).toEqual(['groceries']);
  } finally {
    await ours.close();
    await raw.close();
    await handler.close();
  }
});
