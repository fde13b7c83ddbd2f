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
export type {
  AuthInfo,
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitOutcome,
  HandlerContext,
  McpClientChannel,
  Root,
} from './context/HandlerContext.js';
export type { HandlerCallOptions } from './context/createHandlerContext.js';
export { resource, resourceTemplate, isResourceDefinition } from './resource/resource.js';
export type {
  AnyResourceDefinition,
  ListedResource,
  ReadResourceResult,
  Resource,
  ResourceContentsInput,
  ResourceContext,
  ResourceDefinition,
  ResourceHandler,
  ResourceHandlerReturn,
  ResourceMetadata,
  ResourceTemplate,
  ResourceTemplateDefinition,
  ResourceTemplateExtras,
  ResourceTemplateHandler,
} from './resource/ResourceDefinition.js';
export type { UriTemplateVariableName, UriTemplateVariables } from './uriTemplate/UriTemplate.js';
export { prompt, isPromptDefinition } from './prompt/prompt.js';
export type {
  AnyPromptDefinition,
  GetPromptResult,
  Prompt,
  PromptContext,
  PromptDefinition,
  PromptExtras,
  PromptHandler,
  PromptHandlerReturn,
  PromptMessage,
} from './prompt/PromptDefinition.js';
export type { Completer, CompletionContext } from './completion/Completer.js';
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
export type { HostCheckOptions } from './http/hostCheck.js';
export type { HttpAuthOptions } from './http/bearerAuth.js';
export { InMemoryEventStore, type EventStore } from './http/InMemoryEventStore.js';
export { mcpToolName, mcpToolNames, type McpToolName, type NamedToolServer } from './toolNames.js';
export { ToolDefinitionError, type ToolDefinitionErrorCode } from './errors/ToolDefinitionError.js';
export { McpRequestError, type McpRequestErrorCode } from './errors/McpRequestError.js';
export { ClientRequestError, type ClientRequestErrorCode } from './errors/ClientRequestError.js';
export type { ToolErrorContext, ToolErrorHook } from './toolError/ToolErrorHook.js';
