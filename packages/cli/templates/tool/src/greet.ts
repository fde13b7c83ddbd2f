import { tool } from '@agentsdk/tools';
import { z } from 'zod';

/** A typed tool: the Zod schema gives the handler its types, validates input, and is the JSON Schema the model sees. */
export const greet = tool(
  'greet',
  'Greet someone by name. Use when the user asks to greet or welcome a person.',
  { name: z.string().min(1).describe('Who to greet') },
  ({ name }) => `Hello, ${name}!`,
);
