import { expect, it } from 'vitest';
import { phrases } from '../src/phrases.js';

it('reads the phrases as plain text', async () => {
  expect(await phrases.read()).toEqual({
    contents: [
      { uri: 'greet://phrases', mimeType: 'text/plain', text: 'Hello\nWelcome\nGood to see you' },
    ],
  });
});
