import type { JsonSchemaObject, TypedJsonSchema } from './types.js';

/**
 * Mark a plain JSON Schema with the TypeScript type of the arguments it accepts, so a tool
 * handler gets typed arguments without Zod. The schema is returned unchanged (no runtime cost);
 * keeping the type and the schema in agreement is up to you.
 *
 * ```ts
 * const input = jsonSchema<{ city: string }>({
 *   type: 'object', properties: { city: { type: 'string' } }, required: ['city'],
 * });
 * ```
 */
export function jsonSchema<T extends object = Record<string, unknown>>(
  schema: JsonSchemaObject,
): TypedJsonSchema<T> {
  return schema as TypedJsonSchema<T>;
}
