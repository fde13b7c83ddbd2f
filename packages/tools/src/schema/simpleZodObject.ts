import type * as z4 from 'zod/v4/core';

type Primitive = 'string' | 'number' | 'boolean';

interface ZodDef {
  type?: string;
  checks?: readonly unknown[];
  coerce?: boolean;
  shape?: Record<string, { _zod?: { def?: ZodDef } }>;
}

/**
 * For the most common tool input — a Zod 4 object of plain required strings, numbers and
 * booleans (no checks, formats, refinements, defaults, coercion or catchall) — a check that gives the same
 * output as Zod (a new object with the declared keys, in their order) without running Zod's
 * generic parser, which costs microseconds per call until V8 has optimised it. Returns
 * `undefined` for any other schema. The check itself returns `undefined` whenever the input is
 * not trivially valid, so Zod still produces every error message.
 */
export function simpleZodObjectCheck(
  schema: z4.$ZodType,
): ((value: unknown) => Record<string, unknown> | undefined) | undefined {
  const def = (schema as { _zod?: { def?: ZodDef } })._zod?.def;
  if (!def || def.type !== 'object' || !onlyPlainKeys(def, OBJECT_KEYS)) return undefined;
  const shape = def.shape;
  if (typeof shape !== 'object' || shape === null) return undefined;
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const types: Primitive[] = [];
  for (const key of keys) {
    const field = shape[key]?._zod?.def;
    if (key === '__proto__' || !field || !onlyPlainKeys(field, FIELD_KEYS)) return undefined;
    if (field.type !== 'string' && field.type !== 'number' && field.type !== 'boolean') {
      return undefined;
    }
    types.push(field.type);
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const field = input[key];
      const type = types[i];
      if (typeof field !== type) return undefined;
      // z.number() rejects NaN and ±Infinity.
      if (type === 'number' && !Number.isFinite(field)) return undefined;
      output[key] = field;
    }
    return output;
  };
}

const OBJECT_KEYS = new Set(['type', 'shape', 'checks']);
const FIELD_KEYS = new Set(['type', 'checks', 'coerce']);

/**
 * An allow list, not a deny list: format schemas (`z.int()`, `z.email()`, `z.iso.datetime()`)
 * keep their check in `def.check`/`def.format`, not in `def.checks`, and whatever a later Zod adds
 * to a def must send the input through Zod too.
 */
function onlyPlainKeys(def: ZodDef, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(def)) {
    if (!allowed.has(key)) return false;
  }
  return (def.checks === undefined || def.checks.length === 0) && def.coerce !== true;
}
