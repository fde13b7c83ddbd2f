import { isThenable } from '@agentsdk/core/internal';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { errorResult, normalizeResult } from './result/normalizeResult.js';
import type { ValidationResult, Validator } from './schema/createValidator.js';
import { formatIssues } from './schema/formatIssues.js';
import { modelErrorMessage } from './toolError/modelErrorMessage.js';
import { reportToolError } from './toolError/reportToolError.js';
import { createToolContext, isAborted } from './context/createHandlerContext.js';
import type {
  CallToolResult,
  ToolCallOptions,
  ToolContext,
  ToolHandler,
} from './ToolDefinition.js';

export interface ToolRunnerSpec {
  name: string;
  validateInput: Validator;
  validateOutput: Validator | undefined;
  handler: ToolHandler<never, unknown>;
}

/** A tool call's result, or a promise of it when something on the way was asynchronous. */
export type ToolRunResult = CallToolResult | Promise<CallToolResult>;

/** The runner behind `definition.call()`, reachable by the in-process fast path (`runnerOf`). */
export type ToolRunner = (args: unknown, options: ToolCallOptions) => ToolRunResult;

const RUNNERS = new WeakMap<object, ToolRunner>();

/** The runner of a `tool()` definition: answers synchronously when the handler does. */
export function runnerOf(definition: object): ToolRunner | undefined {
  return RUNNERS.get(definition);
}

/** Remember `definition`'s runner for the in-process fast path. */
export function setRunner(definition: object, runner: ToolRunner): void {
  RUNNERS.set(definition, runner);
}

/**
 * The one place a tool call happens, shared by in-process, stdio and HTTP serving and by
 * `ToolDefinition.call()`: validate input → run the handler → normalize → check the output.
 * Every failure becomes an `isError: true` result the model can read. Nothing waits on a
 * promise unless a step returned one (Zod and Ajv validate synchronously; a sync handler's
 * answer is ready at once): on the in-process route every await is a few microseconds of
 * round trip.
 */
export function createToolRunner(spec: ToolRunnerSpec): ToolRunner {
  const { name, validateInput, validateOutput, handler } = spec;

  const cancelled = (): CallToolResult => errorResult(`Tool "${name}" was cancelled.`);

  const failed = async (
    error: unknown,
    input: unknown,
    context: ToolContext,
    options: ToolCallOptions,
  ): Promise<CallToolResult> => {
    if (isAborted(options)) return cancelled();
    const report = { toolName: name, serverName: undefined, toolUseId: context.toolUseId };
    const message = modelErrorMessage(name, error);
    return errorResult(
      await reportToolError(error, { ...report, input, message }, options.onError),
    );
  };

  const finish = (
    returned: unknown,
    input: unknown,
    context: ToolContext,
    options: ToolCallOptions,
  ): ToolRunResult => {
    // The common answer, a string, is one text block: valid MCP with nothing to check.
    if (typeof returned === 'string' && validateOutput === undefined) {
      return { content: [{ type: 'text', text: returned }] };
    }
    let result: CallToolResult | string;
    try {
      result = normalizeResult(returned, validateOutput !== undefined);
    } catch (error) {
      // An object that cannot be rendered (a BigInt, a cycle) fails like a throwing handler.
      return failed(error, input, context, options);
    }
    if (typeof result === 'string') {
      return errorResult(`Tool "${name}" returned an invalid result: ${result}`);
    }
    if (validateOutput && result.isError !== true) return checkOutput(name, validateOutput, result);
    return checkResult(name, result);
  };

  const run = (input: ValidationResult, options: ToolCallOptions): ToolRunResult => {
    if (!input.ok) {
      return errorResult(`Invalid arguments for tool "${name}":\n${formatIssues(input.issues)}`);
    }
    if (isAborted(options)) return cancelled();

    const context: ToolContext = createToolContext(name, options);
    let returned: unknown;
    try {
      returned = handler(input.value as never, context);
    } catch (error) {
      return failed(error, input.value, context, options);
    }
    if (!isThenable(returned)) return finish(returned, input.value, context, options);
    return Promise.resolve(returned).then(
      (value) => finish(value, input.value, context, options),
      (error: unknown) => failed(error, input.value, context, options),
    );
  };

  return (args, options) => {
    const input = validateInput(args ?? {});
    return input instanceof Promise ? input.then((ok) => run(ok, options)) : run(input, options);
  };
}

/** Checks `structuredContent` against the output schema and renders it as text when needed. */
async function checkOutput(
  name: string,
  validateOutput: Validator,
  result: CallToolResult,
): Promise<CallToolResult> {
  if (result.structuredContent === undefined) {
    return errorResult(
      `Tool "${name}" declares an outputSchema but returned no structured output. ` +
        `Return the output object (or a result with "structuredContent").`,
    );
  }
  const output = await validateOutput(result.structuredContent);
  if (!output.ok) {
    return errorResult(
      `Tool "${name}" returned output that does not match its outputSchema:\n${formatIssues(output.issues)}`,
    );
  }
  const structuredContent = output.value as Record<string, unknown>;
  return checkResult(name, {
    ...result,
    structuredContent,
    content:
      result.content.length > 0
        ? result.content
        : [{ type: 'text', text: JSON.stringify(structuredContent) }],
  });
}

/** Plain text results (most of them) are checked by hand; anything else by the MCP schema. */
function checkResult(name: string, result: CallToolResult): CallToolResult {
  if (isPlainTextResult(result)) return result;
  const checked = CallToolResultSchema.safeParse(result);
  if (!checked.success) {
    return errorResult(
      `Tool "${name}" returned an invalid result: ${checked.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}. Return a string, content blocks, or { content: [...] }.`,
    );
  }
  return result;
}

const TEXT_RESULT_KEYS = new Set(['content', 'isError', '_meta', 'structuredContent']);

/** `{ content: [{ type: 'text', text }…], isError? }`: valid MCP without a schema parse. */
function isPlainTextResult(result: CallToolResult): boolean {
  for (const key in result) if (!TEXT_RESULT_KEYS.has(key)) return false;
  if (result._meta !== undefined || result.structuredContent !== undefined) return false;
  if (result.isError !== undefined && typeof result.isError !== 'boolean') return false;
  for (const block of result.content) {
    if (typeof block !== 'object' || block === null || block.type !== 'text') return false;
    let keys = 0;
    for (const _key in block) keys++;
    if (keys !== 2 || typeof block.text !== 'string') return false;
  }
  return true;
}
