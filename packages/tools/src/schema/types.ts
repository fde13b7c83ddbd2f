import type * as z4 from 'zod/v4/core';
import type { z as z3 } from 'zod/v3';

/** A JSON Schema (any dialect keyword may appear). */
export interface JsonSchema {
  [keyword: string]: unknown;
}

/** A JSON Schema that describes an object: the only shape MCP allows for tool input and output. */
export interface JsonSchemaObject extends JsonSchema {
  type?: 'object';
  properties?: { [property: string]: JsonSchema | boolean };
  required?: readonly string[];
}

declare const typedJsonSchema: unique symbol;

/** A plain JSON Schema that also carries the TypeScript type of the values it accepts. See `jsonSchema()`. */
export type TypedJsonSchema<T> = JsonSchemaObject & { readonly [typedJsonSchema]?: T };

/** Any Zod 4 schema (classic `zod` or `zod/mini`). */
export type Zod4Schema = z4.$ZodType;
/** Any Zod 3 schema (`zod@3`, or `zod/v3` inside `zod@4`). */
export type Zod3Schema = z3.ZodType<unknown, z3.ZodTypeDef, unknown>;
/** A Zod 4 raw shape: `{ a: z.number(), b: z.string() }`. */
export type Zod4RawShape = { readonly [key: string]: z4.$ZodType };
/** A Zod 3 raw shape. */
export type Zod3RawShape = { readonly [key: string]: Zod3Schema };

/**
 * What `tool()` accepts as an input or output schema: a Zod 4 or Zod 3 object schema, a raw
 * shape of either, or a plain JSON Schema object.
 */
export type ToolSchema = Zod4Schema | Zod3Schema | Zod4RawShape | Zod3RawShape | JsonSchemaObject;

/** The value a schema produces after validation (Zod output type; `Record<string, unknown>` for JSON Schema). */
export type InferSchemaOutput<S> = S extends z4.$ZodType
  ? z4.output<S>
  : S extends z3.ZodType<unknown, z3.ZodTypeDef, unknown>
    ? S['_output']
    : S extends Zod4RawShape
      ? z4.$InferObjectOutput<S, Record<never, never>>
      : S extends Zod3RawShape
        ? z3.objectOutputType<S, z3.ZodTypeAny, 'strip'>
        : S extends TypedJsonSchema<infer T>
          ? unknown extends T
            ? Record<string, unknown>
            : T
          : Record<string, unknown>;
