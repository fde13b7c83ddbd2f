import { expect, it } from 'vitest';
import { greet } from '../src/greet.js';

it('greets by name', async () => {
  expect(await greet.call({ name: 'Ada' })).toEqual({
    content: [{ type: 'text', text: 'Hello, Ada!' }],
  });
});

it('tells the model what is wrong with bad input', async () => {
  const result = await greet.call({ name: 42 });
  expect(result.isError).toBe(true);
  expect(result.content).toMatchObject([{ type: 'text', text: expect.stringContaining('name') }]);
});
