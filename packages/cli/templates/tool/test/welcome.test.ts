import { expect, it } from 'vitest';
import { welcome } from '../src/welcome.js';

it('asks for a welcome note for the name given', async () => {
  const result = await welcome.get({ name: 'Ada' });
  expect(result.messages).toEqual([
    {
      role: 'user',
      content: {
        type: 'text',
        text: 'Write a two-sentence welcome note for Ada, then greet them with the greet tool.',
      },
    },
  ]);
});

it('refuses a missing name, naming the argument', async () => {
  await expect(welcome.get({})).rejects.toThrow(/name/);
});
