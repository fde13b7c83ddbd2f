import { ToolDefinitionError } from './errors/ToolDefinitionError.js';
import { createToolRunner, setRunner } from './runTool.js';
import { createValidator, type Validator } from './schema/createValidator.js';
import { detectSchema } from './schema/detectSchema.js';
import { toJsonSchema } from './schema/toJsonSchema.js';
import type { InferSchemaOutput, JsonSchemaObject, ToolSchema } from './schema/types.js';
import type {
  AnyToolDefinition,
  ToolDefinition,
  ToolExtras,
  ToolHandler,
  ToolListEntry,
} from './ToolDefinition.js';

const TOOL_MARKER = Symbol.for('agentsdk.tools.definition');

/** Tool names the CLI can expose unchanged as `mcp__<server>__<tool>` and the Messages API accepts. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** The output type a tool's `outputSchema` gives its handler (`undefined` when it has none). */
export type InferToolOutput<O> = [O] extends [undefined] ? undefined : InferSchemaOutput<O>;

/**
 * Define a tool. `inputSchema` is a Zod 4 or Zod 3 object schema or raw shape, or a JSON
 * Schema object; the handler's `args` type is inferred from it. Input is validated before the
 * handler runs; bad input and thrown errors become `isError: true` results. Definition
 * mistakes (bad name, a schema with no JSON form) throw {@link ToolDefinitionError} right here.
 *
 * ```ts
 * const add = tool('add', 'Add two numbers', { a: z.number(), b: z.number() },
 *   async ({ a, b }) => `${a + b}`);
 * ```
 */
export function tool<
  const Name extends string,
  InputSchema extends ToolSchema,
  OutputSchema extends ToolSchema | undefined = undefined,
>(
  name: Name,
  description: string,
  inputSchema: InputSchema,
  handler: ToolHandler<InferSchemaOutput<InputSchema>, InferToolOutput<OutputSchema>>,
  extras?: ToolExtras<OutputSchema>,
): ToolDefinition<Name, InferSchemaOutput<InputSchema>, InferToolOutput<OutputSchema>> {
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_NAME',
      `Invalid tool name ${JSON.stringify(name)}: use 1–64 characters from a-z, A-Z, 0-9, "_" and "-" ` +
        `(Claude Code exposes it as mcp__<server>__<name>, and the Messages API accepts nothing else).`,
    );
  }
  if (typeof description !== 'string') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Tool "${name}": the description must be a string (the model reads it to decide when to call the tool).`,
    );
  }
  if (typeof handler !== 'function') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `Tool "${name}": the handler (4th argument) must be a function (args, context) => result.`,
    );
  }
  checkExtras(name, extras);

  const inputWhere = `input schema of tool "${name}"`;
  const detectedInput = detectSchema(inputSchema, inputWhere);
  const inputJson = toJsonSchema(detectedInput, 'input', inputWhere);
  const validateInput = createValidator(detectedInput, inputJson, inputWhere);

  let outputJson: JsonSchemaObject | undefined;
  let validateOutput: Validator | undefined;
  if (extras?.outputSchema !== undefined) {
    const outputWhere = `output schema of tool "${name}"`;
    const detectedOutput = detectSchema(extras.outputSchema, outputWhere);
    outputJson = toJsonSchema(detectedOutput, 'output', outputWhere);
    validateOutput = createValidator(detectedOutput, outputJson, outputWhere);
  }

  const meta: Record<string, unknown> = { ...extras?._meta };
  if (extras?.maxResultSizeChars !== undefined) {
    meta['anthropic/maxResultSizeChars'] = extras.maxResultSizeChars;
  }
  if (extras?.searchHint !== undefined) meta['anthropic/searchHint'] = extras.searchHint;
  if (extras?.alwaysLoad !== undefined) meta['anthropic/alwaysLoad'] = extras.alwaysLoad;

  const listEntry: ToolListEntry = {
    name,
    ...(extras?.title !== undefined && { title: extras.title }),
    description,
    inputSchema: inputJson,
    ...(outputJson !== undefined && { outputSchema: outputJson }),
    ...(extras?.annotations !== undefined && { annotations: { ...extras.annotations } }),
    ...(Object.keys(meta).length > 0 && { _meta: meta }),
  };

  const runner = createToolRunner({
    name,
    validateInput,
    validateOutput,
    handler: handler as ToolHandler<never, unknown>,
  });
  const definition: ToolDefinition<
    Name,
    InferSchemaOutput<InputSchema>,
    InferToolOutput<OutputSchema>
  > = {
    name,
    description,
    inputSchema: inputJson,
    outputSchema: outputJson,
    annotations: extras?.annotations,
    handler,
    listEntry,
    call: (args, options = {}) => {
      try {
        return Promise.resolve(runner(args, options));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  setRunner(definition, runner);
  Object.defineProperty(definition, TOOL_MARKER, { value: true });
  return Object.freeze(definition);
}

/** True for values made by `tool()` (works across duplicated installs). */
export function isToolDefinition(value: unknown): value is AnyToolDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[TOOL_MARKER] === true
  );
}

function checkExtras(name: string, extras: ToolExtras | undefined): void {
  if (extras === undefined) return;
  const fail = (message: string): never => {
    throw new ToolDefinitionError('INVALID_TOOL_DEFINITION', `Tool "${name}": ${message}`);
  };
  if (typeof extras !== 'object' || extras === null) {
    fail('extras (5th argument) must be an object.');
  }
  const { maxResultSizeChars, annotations, title, searchHint, alwaysLoad, _meta } = extras;
  if (
    maxResultSizeChars !== undefined &&
    (typeof maxResultSizeChars !== 'number' ||
      !Number.isFinite(maxResultSizeChars) ||
      maxResultSizeChars <= 0)
  ) {
    fail(
      `maxResultSizeChars must be a positive finite number of characters; got ${String(maxResultSizeChars)}.`,
    );
  }
  if (annotations !== undefined && (typeof annotations !== 'object' || annotations === null)) {
    fail('annotations must be an object ({ readOnlyHint, destructiveHint, … }).');
  }
  if (title !== undefined && typeof title !== 'string') fail('title must be a string.');
  if (searchHint !== undefined && typeof searchHint !== 'string') {
    fail('searchHint must be a string.');
  }
  if (alwaysLoad !== undefined && typeof alwaysLoad !== 'boolean') {
    fail('alwaysLoad must be a boolean.');
  }
  if (_meta !== undefined && (typeof _meta !== 'object' || _meta === null)) {
    fail('_meta must be an object.');
  }
}
