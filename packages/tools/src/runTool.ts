import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { errorResult, normalizeResult } from './result/normalizeResult.js';
import type { Validator } from './schema/createValidator.js';
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

/**
 * The one place a tool call happens, shared by in-process, stdio and HTTP serving and by
 * `ToolDefinition.call()`: validate input → run the handler → normalize → check the output.
 * Never throws; every failure becomes an `isError: true` result the model can read.
 */
export function createToolRunner(
  spec: ToolRunnerSpec,
): (args: unknown, options?: ToolCallOptions) => Promise<CallToolResult> {
  const { name, validateInput, validateOutput, handler } = spec;

  return async (args, options = {}) => {
    // Zod and Ajv validate synchronously: await only a validator that returned a promise.
    let input = validateInput(args ?? {});
    if (input instanceof Promise) input = await input;
    if (!input.ok) {
      return errorResult(`Invalid arguments for tool "${name}":\n${formatIssues(input.issues)}`);
    }

    if (isAborted(options)) return errorResult(`Tool "${name}" was cancelled.`);

    const context: ToolContext = createToolContext(name, options);

    let result: CallToolResult | string;
    try {
      result = normalizeResult(
        await handler(input.value as never, context),
        validateOutput !== undefined,
      );
    } catch (error) {
      if (isAborted(options)) return errorResult(`Tool "${name}" was cancelled.`);
      const report = { toolName: name, serverName: undefined, toolUseId: context.toolUseId };
      const message = modelErrorMessage(name, error);
      return errorResult(
        await reportToolError(error, { ...report, input: input.value, message }, options.onError),
      );
    }
    if (typeof result === 'string') {
      return errorResult(`Tool "${name}" returned an invalid result: ${result}`);
    }

    if (validateOutput && result.isError !== true) {
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
      result = {
        ...result,
        structuredContent,
        content:
          result.content.length > 0
            ? result.content
            : [{ type: 'text', text: JSON.stringify(structuredContent) }],
      };
    }

    // Plain text results (most of them) are checked by hand; anything else by the MCP schema.
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
  };
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
