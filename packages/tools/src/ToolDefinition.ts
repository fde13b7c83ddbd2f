import type {
  CallToolResult,
  ContentBlock,
  LoggingLevel,
  ToolAnnotations,
} from '@modelcontextprotocol/sdk/spec.types.js';
import type { HandlerCallOptions } from './context/createHandlerContext.js';
import type { HandlerContext, ToolProgress } from './context/HandlerContext.js';
import type { JsonSchemaObject, ToolSchema } from './schema/types.js';
import type { ToolErrorHook } from './toolError/ToolErrorHook.js';

export type { CallToolResult, ContentBlock, LoggingLevel, ToolAnnotations, ToolProgress };

/** A tool result in MCP's shape, with `structuredContent` typed by the tool's output schema. */
export interface ToolResult<Output = Record<string, unknown>> {
  content: ContentBlock[];
  structuredContent?: Output;
  isError?: boolean;
  _meta?: { [key: string]: unknown };
}

/**
 * What a handler may return: a string (one text block), a content array (text, image,
 * resource_link, …), a full result, or, when the tool has an `outputSchema`, the typed output
 * object itself (it becomes `structuredContent` plus a JSON text block). An object with a
 * `content` array is always read as a full result.
 */
export type ToolHandlerReturn<Output> =
  | string
  | readonly ContentBlock[]
  | ToolResult<[Output] extends [undefined] ? Record<string, unknown> : Output>
  | ([Output] extends [undefined] ? never : Output);

/** What a tool handler gets besides its arguments. */
export interface ToolContext extends HandlerContext {
  /** The tool's name. */
  readonly toolName: string;
  /** The Claude Code `tool_use` id of this call (`_meta["claudecode/toolUseId"]`), when called by the CLI. */
  readonly toolUseId: string | undefined;
}

export type ToolHandler<Input, Output> = (
  args: Input,
  context: ToolContext,
) => ToolHandlerReturn<Output> | Promise<ToolHandlerReturn<Output>>;

/** Optional settings of a tool: the fifth argument of `tool()`. */
export interface ToolExtras<OutputSchema extends ToolSchema | undefined = ToolSchema | undefined> {
  /** Schema of `structuredContent`; the handler may then return the typed object directly. */
  outputSchema?: OutputSchema;
  /** MCP annotations (hints clients may show or use for permission decisions). */
  annotations?: ToolAnnotations;
  /** Human-readable name shown by clients (MCP `title`). */
  title?: string;
  /**
   * Largest result (in characters) Claude Code keeps in the conversation before it saves the
   * result to a file and shows the model a preview. Sent as `_meta["anthropic/maxResultSizeChars"]`.
   */
  maxResultSizeChars?: number;
  /** Extra words Claude Code's tool search matches this tool on (`_meta["anthropic/searchHint"]`). */
  searchHint?: string;
  /** Ask Claude Code to always load this tool instead of deferring it to tool search (`_meta["anthropic/alwaysLoad"]`). */
  alwaysLoad?: boolean;
  /** More `_meta` for the tool's `tools/list` entry. */
  _meta?: { [key: string]: unknown };
}

/** Options of `ToolDefinition.call()`: the context a direct call (a test, another runtime) gives the handler. */
export interface ToolCallOptions extends HandlerCallOptions {
  /**
   * Called when the handler throws, instead of writing the error with its stack to stderr.
   * A server passes its own `createSdkMcpServer({ onError })` here.
   */
  onError?: ToolErrorHook;
}

/** The entry of this tool in `tools/list`, exactly as clients receive it. */
export interface ToolListEntry {
  name: string;
  title?: string;
  description: string;
  inputSchema: JsonSchemaObject;
  outputSchema?: JsonSchemaObject;
  annotations?: ToolAnnotations;
  _meta?: { [key: string]: unknown };
}

/** A tool made by `tool()`: give it to `createSdkMcpServer({ tools })`, or call it directly in tests. */
export interface ToolDefinition<Name extends string = string, Input = unknown, Output = unknown> {
  readonly name: Name;
  readonly description: string;
  /** The JSON Schema of the arguments, as sent in `tools/list`. */
  readonly inputSchema: JsonSchemaObject;
  /** The JSON Schema of `structuredContent`, when the tool has an output schema. */
  readonly outputSchema: JsonSchemaObject | undefined;
  readonly annotations: ToolAnnotations | undefined;
  /** The handler as written (no validation). */
  readonly handler: ToolHandler<Input, Output>;
  /** The `tools/list` entry. */
  readonly listEntry: ToolListEntry;
  /**
   * Run the tool as a server would: validate `args`, run the handler, check the output. Never
   * throws: bad input and handler errors come back as `isError: true` results.
   */
  call(args: unknown, options?: ToolCallOptions): Promise<CallToolResult>;
}

/** Any tool definition, whatever its name and types (for lists of tools). */
export type AnyToolDefinition = ToolDefinition<string, never, unknown>;
