// #region server
import { z } from 'zod';
import { createSdkMcpServer, prompt, resourceTemplate, tool } from '../../src/index.js';

const notes = new Map<string, string>([['groceries', 'milk, eggs']]);

export const notesServer = createSdkMcpServer({
  name: 'notes',
  version: '1.0.0',
  instructions: 'Notes live at note://{name}. Save with add_note.',
  tools: [
    tool('add_note', 'Save a note', { name: z.string(), text: z.string() }, ({ name, text }) => {
      notes.set(name, text);
      notesServer.notifyResourceUpdated(`note://${name}`);
      return `saved ${name}`;
    }),
  ],
  resources: [
    // `name` is typed from the template; list() and completion come from the same map.
    resourceTemplate('note', 'note://{name}', (_uri, { name }) => notes.get(name) ?? '', {
      mimeType: 'text/plain',
      list: () => [...notes.keys()].map((name) => ({ uri: `note://${name}`, name })),
      complete: { name: (typed) => [...notes.keys()].filter((n) => n.startsWith(typed)) },
    }),
  ],
  prompts: [
    prompt(
      'summarize',
      'Summarize a note',
      { name: z.string(), style: z.enum(['short', 'detailed']).optional() },
      ({ name, style = 'short' }) => `Give a ${style} summary of: ${notes.get(name) ?? '(empty)'}`,
    ),
  ],
});
// #endregion server

// #region in-process
import { query } from '@agentsdk/core';

export function askAboutNotes() {
  return query({
    prompt: 'What is on my grocery list?',
    options: { mcpServers: { notes: notesServer }, allowedTools: notesServer.toolNames() },
  });
}
// #endregion in-process
