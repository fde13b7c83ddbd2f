import { toJSONSchema } from 'zod/v4/core';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import type { DetectedSchema } from './detectSchema.js';
import type { JsonSchemaObject } from './types.js';

/** Zod 3 types with no JSON equivalent: the model could never send a value that validates. */
const ZOD3_UNSUPPORTED: Record<string, string> = {
  ZodDate: 'use z.string().datetime() (or z.coerce.date())',
  ZodBigInt: 'use z.number().int() or z.string() (or z.coerce.bigint())',
  ZodSymbol: 'use z.string()',
  ZodFunction: 'tools receive JSON, not functions',
  ZodVoid: 'remove the field',
  ZodUndefined: 'make the field optional with .optional() instead',
  ZodNaN: 'use z.number()',
  ZodMap: 'use z.record(...)',
  ZodSet: 'use z.array(...)',
  ZodPromise: 'tools receive JSON, not promises',
};

const HINT_ZOD4 =
  'Use JSON-representable types: z.iso.datetime() or z.string() instead of z.date(), z.number().int() instead of z.bigint(), z.record() instead of z.map(), z.array() instead of z.set()';

/**
 * Convert a detected schema into the JSON Schema object MCP sends in `tools/list`
 * (`io: 'input'` for `inputSchema`: defaults make fields optional; `'output'` for `outputSchema`).
 * Throws `ToolDefinitionError('UNSUPPORTED_SCHEMA')` instead of emitting a schema the model
 * cannot satisfy.
 */
export function toJsonSchema(
  detected: DetectedSchema,
  io: 'input' | 'output',
  where: string,
): JsonSchemaObject {
  let result: Record<string, unknown>;
  switch (detected.kind) {
    case 'zod4': {
      try {
        result = toJSONSchema(detected.schema, {
          target: 'draft-2020-12',
          io,
          unrepresentable: 'throw',
        }) as Record<string, unknown>;
      } catch (error) {
        throw new ToolDefinitionError(
          'UNSUPPORTED_SCHEMA',
          `The ${where} cannot be converted to JSON Schema: ${messageOf(error)}. ${HINT_ZOD4}.`,
          { cause: error },
        );
      }
      break;
    }
    case 'zod3': {
      try {
        // Inline everything, like Zod 4; a recursive schema (z.lazy) needs $ref, so retry with refs.
        try {
          result = zod3ToJsonSchema(detected.schema, io, where, 'none');
        } catch (error) {
          if (error !== RECURSION) throw error;
          result = zod3ToJsonSchema(detected.schema, io, where, 'root');
        }
      } catch (error) {
        if (ToolDefinitionError.is(error)) throw error;
        throw new ToolDefinitionError(
          'UNSUPPORTED_SCHEMA',
          `The ${where} cannot be converted to JSON Schema: ${messageOf(error)}.`,
          { cause: error },
        );
      }
      break;
    }
    case 'json-schema':
      result = { ...detected.schema };
      if (result['type'] === undefined) result = { type: 'object', ...result };
      checkJsonSchemaShape(result, where);
      break;
  }

  // Zod's own `$schema` is noise for the model; an author's JSON Schema is sent intact
  // (`$schema`, `$defs`, `additionalProperties`), as JSON Schema 2020-12 servers expect.
  if (detected.kind !== 'json-schema') delete result['$schema'];
  if (result['type'] !== 'object') {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} must describe an object (MCP requires "type": "object"); it describes ${describeRoot(result)}. ` +
        `Wrap the value in an object, e.g. z.object({ value: ... }).`,
    );
  }
  return result as JsonSchemaObject;
}

const RECURSION = Symbol('recursive Zod 3 schema');

function zod3ToJsonSchema(
  schema: Parameters<typeof zodToJsonSchema>[0],
  io: 'input' | 'output',
  where: string,
  $refStrategy: 'none' | 'root',
): Record<string, unknown> {
  return zodToJsonSchema(schema, {
    target: 'jsonSchema7',
    $refStrategy,
    strictUnions: true,
    removeAdditionalStrategy: 'strict',
    allowedAdditionalProperties: undefined,
    effectStrategy: 'input',
    pipeStrategy: io,
    override: (def, refs, seen) => {
      if (
        $refStrategy === 'none' &&
        seen !== undefined &&
        seen.path.every((segment, i) => refs.currentPath[i] === segment)
      ) {
        throw RECURSION;
      }
      const typeName = (def as { typeName?: unknown }).typeName;
      const coerce = (def as { coerce?: unknown }).coerce === true;
      if (typeof typeName === 'string' && typeName in ZOD3_UNSUPPORTED && !coerce) {
        const path = refs.currentPath.slice(1).filter((p) => p !== 'properties');
        throw new ToolDefinitionError(
          'UNSUPPORTED_SCHEMA',
          `The ${where} cannot be converted to JSON Schema: ${typeName} at ${path.length > 0 ? path.join('.') : '(root)'} ` +
            `has no JSON equivalent; ${ZOD3_UNSUPPORTED[typeName]}.`,
        );
      }
      return ignoreOverride;
    },
  }) as Record<string, unknown>;
}

function checkJsonSchemaShape(schema: Record<string, unknown>, where: string): void {
  const { properties, required } = schema;
  if (
    properties !== undefined &&
    (typeof properties !== 'object' || properties === null || Array.isArray(properties))
  ) {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} has "properties" that is not an object. Give one JSON Schema per property name.`,
    );
  }
  if (
    required !== undefined &&
    (!Array.isArray(required) || required.some((r) => typeof r !== 'string'))
  ) {
    throw new ToolDefinitionError(
      'UNSUPPORTED_SCHEMA',
      `The ${where} has "required" that is not an array of property names.`,
    );
  }
}

function describeRoot(schema: Record<string, unknown>): string {
  if (typeof schema['type'] === 'string') return `type "${schema['type']}"`;
  if (Array.isArray(schema['type'])) return `types ${JSON.stringify(schema['type'])}`;
  if (schema['anyOf'] !== undefined || schema['oneOf'] !== undefined) return 'a union';
  return 'no "type"';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
