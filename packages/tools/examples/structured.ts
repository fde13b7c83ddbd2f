// #region structured
import { z } from 'zod';
import { tool } from '../src/index.js';

export const stats = tool(
  'stats',
  'Count, mean and maximum of a list of numbers',
  { values: z.array(z.number()).min(1).describe('The numbers') },
  // Typed by the output schema: returning { count: 'x' } does not compile.
  async ({ values }, { signal, reportProgress }) => {
    await reportProgress({ progress: 0, total: values.length, message: 'starting' });
    signal.throwIfAborted(); // cancelled calls stop here
    return {
      count: values.length,
      mean: values.reduce((s, v) => s + v, 0) / values.length,
      max: Math.max(...values),
    };
  },
  {
    outputSchema: { count: z.number().int(), mean: z.number(), max: z.number() },
    annotations: { readOnlyHint: true, idempotentHint: true },
    maxResultSizeChars: 20_000,
  },
);

// await stats.call({ values: [1, 2, 6] }) →
// { content: [{ type: 'text', text: '{"count":3,"mean":3,"max":6}' }],
//   structuredContent: { count: 3, mean: 3, max: 6 } }
// #endregion structured
