import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { $ZodAsyncError, safeParse, safeParseAsync } from 'zod/v4/core';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import type { DetectedSchema } from './detectSchema.js';
import type { SchemaIssue } from './formatIssues.js';
import { simpleZodObjectCheck } from './simpleZodObject.js';
import type { JsonSchemaObject } from './types.js';

export type ValidationResult =
  { ok: true; value: unknown } | { ok: false; issues: readonly SchemaIssue[] };

/** Validates (and for Zod, parses: defaults and transforms apply) one value. Never throws. */
export type Validator = (value: unknown) => ValidationResult | Promise<ValidationResult>;

let ajv: AjvJsonSchemaValidator | undefined;

/**
 * Build the validator for a schema once, at definition time. Zod schemas validate with the
 * Zod version they were built with; plain JSON Schema with Ajv (the MCP SDK's validator). A JSON
 * Schema Ajv cannot compile throws `ToolDefinitionError('UNSUPPORTED_SCHEMA')` here.
 */
export function createValidator(
  detected: DetectedSchema,
  jsonSchema: JsonSchemaObject,
  where: string,
): Validator {
  switch (detected.kind) {
    case 'zod4': {
      const schema = detected.schema;
      const fromError = (error: { issues: readonly SchemaIssue[] }): ValidationResult => ({
        ok: false,
        issues: error.issues.map(({ path, message }) => ({ path, message })),
      });
      const simple = simpleZodObjectCheck(schema);
      return (value) => {
        const checked = simple?.(value);
        if (checked !== undefined) return { ok: true, value: checked };
        try {
          const result = safeParse(schema, value);
          return result.success ? { ok: true, value: result.data } : fromError(result.error);
        } catch (error) {
          if (!(error instanceof $ZodAsyncError)) throw error;
          return safeParseAsync(schema, value).then((result) =>
            result.success ? { ok: true, value: result.data } : fromError(result.error),
          );
        }
      };
    }
    case 'zod3': {
      const schema = detected.schema;
      return async (value) => {
        const result = await schema.safeParseAsync(value);
        if (result.success) return { ok: true, value: result.data };
        return {
          ok: false,
          issues: result.error.issues.map(({ path, message }) => ({ path, message })),
        };
      };
    }
    case 'json-schema': {
      ajv ??= new AjvJsonSchemaValidator();
      let validate: ReturnType<AjvJsonSchemaValidator['getValidator']>;
      try {
        validate = ajv.getValidator(jsonSchema);
      } catch (error) {
        throw new ToolDefinitionError(
          'UNSUPPORTED_SCHEMA',
          `The ${where} is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}.`,
          { cause: error },
        );
      }
      return (value) => {
        const result = validate(value);
        if (result.valid) return { ok: true, value };
        return { ok: false, issues: parseAjvErrors(result.errorMessage) };
      };
    }
  }
}

/** Ajv's `errorsText` ("data/a must be number, data must have required property 'b'") as issues. */
function parseAjvErrors(text: string): SchemaIssue[] {
  return text.split(/, (?=data[/ ])/).map((part) => {
    const match = /^data((?:\/[^ ]*)?) (.*)$/s.exec(part);
    if (!match) return { path: [], message: part };
    const pointer = match[1] ?? '';
    const path = pointer
      .split('/')
      .slice(1)
      .map((segment) => {
        const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
        return /^\d+$/.test(key) ? Number(key) : key;
      });
    return { path, message: match[2] ?? '' };
  });
}
