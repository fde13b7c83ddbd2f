// A built tools module for the agentsdk tests: one tool, exported loose (no server).
import { tool } from '@agentsdk/tools';
import { z } from 'zod';

export const add = tool('add', 'Add two numbers', { a: z.number(), b: z.number() }, ({ a, b }) =>
  String(a + (process.env.CALC_OFF_BY_ONE === '1' ? b + 1 : b)),
);
