import { prompt } from '@agentsdk/tools';
import { z } from 'zod';

/** A prompt: a message template the user picks in the client (in Claude Code, a slash command). */
export const welcome = prompt(
  'welcome',
  'Write a short welcome note for someone new.',
  { name: z.string().min(1).describe('Who to welcome') },
  ({ name }) =>
    `Write a two-sentence welcome note for ${name}, then greet them with the greet tool.`,
);
