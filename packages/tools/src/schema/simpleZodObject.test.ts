import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { object } from 'zod/mini';
import { safeParse } from 'zod/v4/core';
import { simpleZodObjectCheck } from './simpleZodObject.js';

describe('simpleZodObjectCheck', () => {
  test('plain string/number/boolean objects get the check; anything else does not', () => {
    expect(
      simpleZodObjectCheck(z.object({ a: z.number(), s: z.string(), b: z.boolean() })),
    ).toBeTypeOf('function');
    expect(simpleZodObjectCheck(object({ a: z.number().describe('A') }))).toBeTypeOf('function');
    for (const schema of [
      z.object({ a: z.number().int() }),
      z.object({ a: z.int() }),
      z.object({ a: z.float32() }),
      z.object({ a: z.email() }),
      z.object({ a: z.uuid() }),
      z.object({ a: z.iso.datetime() }),
      z.object({ a: z.literal('x') }),
      z.object({ a: z.string().min(1) }),
      z.object({ a: z.number().optional() }),
      z.object({ a: z.number().default(1) }),
      z.object({ a: z.coerce.number() }),
      z.object({ a: z.array(z.string()) }),
      z.strictObject({ a: z.number() }),
      z.looseObject({ a: z.number() }),
      z.object({ a: z.number() }).refine(() => true),
      z.string(),
    ]) {
      expect(simpleZodObjectCheck(schema)).toBeUndefined();
    }
  });

  test('gives exactly what Zod gives for valid input, and defers to Zod for the rest', () => {
    const schema = z.object({ a: z.number(), s: z.string(), b: z.boolean() });
    const check = simpleZodObjectCheck(schema)!;
    const inputs: unknown[] = [
      { a: 1, s: 'x', b: true },
      { b: false, s: '', a: -0.5, extra: 'dropped' },
      { a: Number.NaN, s: 'x', b: true },
      { a: Number.POSITIVE_INFINITY, s: 'x', b: true },
      { a: '1', s: 'x', b: true },
      { a: 1, s: 'x' },
      null,
      [1],
      'text',
    ];
    for (const input of inputs) {
      const zod = safeParse(schema, input);
      const fast = check(input);
      if (fast === undefined) {
        // Only invalid input is left to Zod (which then names the problem).
        expect(zod.success).toBe(false);
      } else {
        expect(zod.success).toBe(true);
        expect(fast).toEqual(zod.data);
        expect(Object.keys(fast)).toEqual(Object.keys(zod.data as object));
        expect(fast).not.toBe(input);
      }
    }
  });
});
