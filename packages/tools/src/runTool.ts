import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { errorResult, normalizeResult } from './result/normalizeResult.js';
import type { Validator } from './schema/createValidator.js';
import { formatIssues } from './schema/formatIssues.js';
import type {
  CallToolResult,
  ToolCallOptions,
  ToolContext,
  ToolHandler,
  ToolProgress,
} from './ToolDefinition.js';

const NEVER_ABORTED = new AbortController().signal;
const EMPTY_META: Readonly<Record<string, unknown>> = Object.freeze({});

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
    const signal = options.signal ?? NEVER_ABORTED;
    const meta = options.meta ?? EMPTY_META;

    const input = await validateInput(args ?? {});
    if (!input.ok) {
      return errorResult(`Invalid arguments for tool "${name}":\n${formatIssues(input.issues)}`);
    }

    if (signal.aborted) return errorResult(`Tool "${name}" was cancelled.`);

    const { onProgress, onLog } = options;
    const toolUseId = meta['claudecode/toolUseId'];
    const context: ToolContext = {
      signal,
      toolName: name,
      toolUseId: typeof toolUseId === 'string' ? toolUseId : undefined,
      meta,
      reportProgress: async (progress: ToolProgress) => {
        if (!onProgress || signal.aborted) return;
        try {
          await onProgress(progress);
        } catch {
          // Progress is best effort: a closed connection must not fail the tool.
        }
      },
      log: async (level, data) => {
        if (!onLog || signal.aborted) return;
        try {
          await onLog(level, data);
        } catch {
          // Logging is best effort.
        }
      },
    };

    let result: CallToolResult;
    try {
      result = normalizeResult(
        await handler(input.value as never, context),
        validateOutput !== undefined,
      );
    } catch (error) {
      if (signal.aborted) return errorResult(`Tool "${name}" was cancelled.`);
      return errorResult(`Tool "${name}" failed: ${messageOf(error)}`);
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

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
