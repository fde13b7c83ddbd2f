import type * as z4 from 'zod/v4/core';
import { object as zod4Object } from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import type { JsonSchemaObject, Zod3Schema } from './types.js';

/** A schema given to `tool()`, classified (raw shapes already wrapped in an object schema). */
export type DetectedSchema =
  | { kind: 'zod4'; schema: z4.$ZodType }
  | { kind: 'zod3'; schema: Zod3Schema }
  | { kind: 'json-schema'; schema: JsonSchemaObject };

export function isZod4Schema(value: unknown): value is z4.$ZodType {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const internals = (value as { _zod?: unknown })._zod;
  return typeof internals === 'object' && internals !== null && 'def' in internals;
}

export function isZod3Schema(value: unknown): value is Zod3Schema {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  if ('_zod' in value) return false;
  const def = (value as { _def?: unknown })._def;
  return (
    typeof def === 'object' &&
    def !== null &&
    typeof (def as { typeName?: unknown }).typeName === 'string' &&
    typeof (value as { safeParseAsync?: unknown }).safeParseAsync === 'function'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Classify what the user passed as a schema. `where` names it in error messages
 * (`tool "add" input schema`).
 */
export function detectSchema(value: unknown, where: string): DetectedSchema {
  if (isZod4Schema(value)) return { kind: 'zod4', schema: value };
  if (isZod3Schema(value)) return { kind: 'zod3', schema: value };
  if (!isPlainObject(value)) {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} must be a Zod object schema, a raw shape ({ a: z.number() }) or a JSON Schema object; got ${describe(value)}.`,
    );
  }

  const entries = Object.entries(value);
  const zod4Keys = entries.filter(([, v]) => isZod4Schema(v)).map(([k]) => k);
  const zod3Keys = entries.filter(([, v]) => isZod3Schema(v)).map(([k]) => k);

  if (zod4Keys.length === 0 && zod3Keys.length === 0) {
    if (entries.length === 0) return { kind: 'zod4', schema: zod4Object({}) };
    return { kind: 'json-schema', schema: value as JsonSchemaObject };
  }
  if (zod4Keys.length > 0 && zod3Keys.length > 0) {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} mixes Zod 4 fields (${zod4Keys.join(', ')}) and Zod 3 fields (${zod3Keys.join(', ')}). ` +
        `Build every field with the same Zod version (import { z } from 'zod' for Zod 4, or 'zod/v3').`,
    );
  }
  const zodKeys = new Set([...zod4Keys, ...zod3Keys]);
  const others = entries.map(([k]) => k).filter((k) => !zodKeys.has(k));
  if (others.length > 0) {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} looks like a Zod raw shape, but ${others.map((k) => `"${k}"`).join(', ')} ` +
        `${others.length === 1 ? 'is' : 'are'} not a Zod schema. Make every field a Zod schema, or pass a JSON Schema object instead.`,
    );
  }
  if (zod4Keys.length > 0) {
    return { kind: 'zod4', schema: zod4Object(value as Record<string, z4.$ZodType>) };
  }
  return {
    kind: 'zod3',
    schema: z3.object(value as Record<string, z3.ZodTypeAny>) as unknown as Zod3Schema,
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'unknown'}`;
  return typeof value;
}
