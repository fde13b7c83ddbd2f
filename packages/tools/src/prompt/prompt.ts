import { GetPromptResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { enumCompleter, type Completer } from '../completion/Completer.js';
import { createHandlerContext } from '../context/createHandlerContext.js';
import { McpRequestError } from '../errors/McpRequestError.js';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { messageOf } from '../messageOf.js';
import { createValidator } from '../schema/createValidator.js';
import { detectSchema } from '../schema/detectSchema.js';
import { formatIssues } from '../schema/formatIssues.js';
import { toJsonSchema } from '../schema/toJsonSchema.js';
import type { InferSchemaOutput, JsonSchema, ToolSchema } from '../schema/types.js';
import { TOOL_NAME_PATTERN } from '../tool.js';
import type {
  GetPromptResult,
  Prompt,
  PromptContext,
  PromptDefinition,
  PromptExtras,
  PromptHandler,
  PromptHandlerReturn,
} from './PromptDefinition.js';

const PROMPT_MARKER = Symbol.for('agentsdk.tools.prompt');

/**
 * Define a prompt. `argsSchema` is a Zod 4 or Zod 3 object (or raw shape) or a JSON Schema object
 * whose fields are all strings (MCP prompt arguments are strings); the handler's `args` are typed
 * from it and validated first. A non-string field throws `ToolDefinitionError` here.
 *
 * ```ts
 * const review = prompt('review', 'Review a file', { path: z.string() },
 *   ({ path }) => `Review ${path} for bugs.`);
 * ```
 */
export function prompt<const Name extends string, ArgsSchema extends ToolSchema>(
  name: Name,
  description: string,
  argsSchema: ArgsSchema,
  handler: PromptHandler<InferSchemaOutput<ArgsSchema>>,
  extras: PromptExtras<InferSchemaOutput<ArgsSchema>> = {},
): PromptDefinition<Name, InferSchemaOutput<ArgsSchema>> {
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_NAME',
      `Invalid prompt name ${JSON.stringify(name)}: use 1–64 characters from a-z, A-Z, 0-9, "_" and "-" ` +
        `(Claude Code exposes it as the slash command /mcp__<server>__<name>).`,
    );
  }
  const who = `Prompt "${name}"`;
  if (typeof description !== 'string') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${who}: the description must be a string.`,
    );
  }
  if (typeof handler !== 'function') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${who}: the handler (4th argument) must be a function (args, context) => messages.`,
    );
  }
  if (typeof extras !== 'object' || extras === null) {
    throw new ToolDefinitionError('INVALID_TOOL_DEFINITION', `${who}: extras must be an object.`);
  }

  const where = `arguments schema of prompt "${name}"`;
  const detected = detectSchema(argsSchema, where);
  const json = toJsonSchema(detected, 'input', where);
  const validate = createValidator(detected, json, where);
  const required = new Set(json.required ?? []);
  const properties = Object.entries(json.properties ?? {});

  const completers: Record<string, Completer> = {};
  const argumentsList = properties.map(([argument, schema]) => {
    const options = stringOptions(schema);
    if (options === undefined) {
      throw new ToolDefinitionError(
        'UNSUPPORTED_SCHEMA',
        `${who}: argument "${argument}" is not a string. MCP prompt arguments are strings; ` +
          `declare it as z.string() (or an enum of strings) and convert it in the handler.`,
      );
    }
    if (options.length > 0) completers[argument] = enumCompleter(options);
    const described = typeof schema === 'object' ? schema['description'] : undefined;
    return {
      name: argument,
      ...(typeof described === 'string' && { description: described }),
      required: required.has(argument),
    };
  });
  for (const [argument, completer] of Object.entries(extras.complete ?? {})) {
    if (!properties.some(([p]) => p === argument)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `${who}: complete.${argument} names no argument (it has ${properties.map(([p]) => p).join(', ') || 'none'}).`,
      );
    }
    if (typeof completer !== 'function') {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `${who}: complete.${argument} must be a function (value, context) => string[].`,
      );
    }
    completers[argument] = completer as Completer;
  }

  const listEntry: Prompt = {
    name,
    ...(extras.title !== undefined && { title: extras.title }),
    description,
    ...(argumentsList.length > 0 && { arguments: argumentsList }),
    ...(extras.icons !== undefined && { icons: extras.icons }),
    ...(extras._meta !== undefined && { _meta: extras._meta }),
  };

  const definition: PromptDefinition<Name, InferSchemaOutput<ArgsSchema>> = {
    name,
    description,
    listEntry,
    handler,
    completers: Object.freeze(completers),
    get: async (args, options = {}) => {
      const input = await validate(args ?? {});
      if (!input.ok) {
        throw new McpRequestError(
          'INVALID_ARGUMENTS',
          `Invalid arguments for prompt "${name}":\n${formatIssues(input.issues)}`,
        );
      }
      const context: PromptContext = Object.assign(createHandlerContext(who, options), {
        promptName: name,
      });
      let value: PromptHandlerReturn;
      try {
        value = await handler(input.value as InferSchemaOutput<ArgsSchema>, context);
      } catch (error) {
        throw new McpRequestError('HANDLER_FAILED', `${who} failed: ${messageOf(error)}`, {
          cause: error,
        });
      }
      return normalizePrompt(value, who);
    },
  };
  Object.defineProperty(definition, PROMPT_MARKER, { value: true });
  return Object.freeze(definition);
}

/** True for values made by `prompt()`. */
export function isPromptDefinition(value: unknown): value is PromptDefinition<string, never> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[PROMPT_MARKER] === true
  );
}

/** `[]` for a free string, the values for a string enum, `undefined` when not a string. */
function stringOptions(schema: JsonSchema | boolean): readonly string[] | undefined {
  if (typeof schema !== 'object') return undefined;
  const values = schema['enum'] ?? (schema['const'] !== undefined ? [schema['const']] : undefined);
  if (Array.isArray(values)) {
    return values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
  }
  if (schema['type'] === 'string') return [];
  const union = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(union) && union.length > 0) {
    const parts = union.map((part) => stringOptions(part as JsonSchema));
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.flat() as string[];
  }
  return undefined;
}

function normalizePrompt(value: PromptHandlerReturn, who: string): GetPromptResult {
  const result: unknown =
    typeof value === 'string'
      ? { messages: [{ role: 'user', content: { type: 'text', text: value } }] }
      : Array.isArray(value)
        ? { messages: value }
        : value;
  const checked = GetPromptResultSchema.safeParse(result);
  if (!checked.success) {
    throw new McpRequestError(
      'INVALID_RESULT',
      `${who} returned an invalid result: ${checked.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}. Return a string, an array of { role, content } messages, or { messages }.`,
    );
  }
  return result as GetPromptResult;
}
