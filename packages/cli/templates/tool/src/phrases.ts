import { resource } from '@agentsdk/tools';

/** A resource: read-only data a client reads by URI (Claude Code gives the model tools to read it). */
export const phrases = resource(
  'phrases',
  'greet://phrases',
  () => ['Hello', 'Welcome', 'Good to see you'].join('\n'),
  { description: 'Greetings the greet tool may use, one per line.' },
);
