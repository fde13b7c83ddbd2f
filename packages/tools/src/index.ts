export { tool, isToolDefinition, type InferToolOutput } from './tool.js';
export type {
  AnyToolDefinition,
  CallToolResult,
  ContentBlock,
  LoggingLevel,
  ToolAnnotations,
  ToolCallOptions,
  ToolContext,
  ToolDefinition,
  ToolExtras,
  ToolHandler,
  ToolHandlerReturn,
  ToolListEntry,
  ToolProgress,
  ToolResult,
} from './ToolDefinition.js';
export { jsonSchema } from './schema/jsonSchema.js';
export type {
  InferSchemaOutput,
  JsonSchema,
  JsonSchemaObject,
  ToolSchema,
  TypedJsonSchema,
  Zod3RawShape,
  Zod3Schema,
  Zod4RawShape,
  Zod4Schema,
} from './schema/types.js';
export {
  createSdkMcpServer,
  type CreateSdkMcpServerOptions,
  type ToolServerConfig,
  type ToolsMcpServer,
} from './createSdkMcpServer.js';
export type { InProcessRequestContext } from './server/InProcessTransport.js';
export { serveStdio, type ServeStdioOptions, type StdioServerHandle } from './serveStdio.js';
export {
  createHttpHandler,
  type HttpHandlerOptions,
  type McpHttpHandler,
} from './createHttpHandler.js';
export { mcpToolName, mcpToolNames, type McpToolName, type NamedToolServer } from './toolNames.js';
export { ToolDefinitionError, type ToolDefinitionErrorCode } from './errors/ToolDefinitionError.js';
