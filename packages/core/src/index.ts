export { AgentSDKError, isAgentSDKError, type AgentSDKErrorCode } from './errors/AgentSDKError.js';
export { AbortError } from './errors/AbortError.js';
export { CLIConnectionError } from './errors/CLIConnectionError.js';
export { CLIJSONDecodeError } from './errors/CLIJSONDecodeError.js';
export { CLINotFoundError } from './errors/CLINotFoundError.js';
export { ControlError } from './errors/ControlError.js';
export { ControlTimeoutError } from './errors/ControlTimeoutError.js';
export { InvalidArgumentError } from './errors/InvalidArgumentError.js';
export { InvalidOptionsError, type OptionIssue } from './errors/InvalidOptionsError.js';
export { ProcessError } from './errors/ProcessError.js';
export { SessionNotFoundError } from './errors/SessionNotFoundError.js';
export { TranscriptError } from './errors/TranscriptError.js';

export { getSessionInfo, listSessions, type ListSessionsOptions } from './sessions/sessionInfo.js';
export {
  getSessionMessages,
  getSubagentMessages,
  listSubagents,
  readSession,
  readSubagent,
  type ReadSessionOptions,
} from './sessions/sessionMessages.js';
export {
  archiveSession,
  deleteSession,
  forkSession,
  renameSession,
  tagSession,
  unarchiveSession,
  type ForkSessionOptions,
} from './sessions/sessionMutations.js';
export { projectSlug, type SessionLocationOptions } from './sessions/sessionPaths.js';
export type { SDKSessionInfo, SessionMessage } from './sessions/types.js';
export type {
  SessionKey,
  SessionStore,
  SessionStoreEntry,
  SessionStoreFlush,
} from './sessions/store/SessionStore.js';
export { InMemorySessionStore } from './sessions/store/InMemorySessionStore.js';
export { FileSessionStore } from './sessions/store/FileSessionStore.js';
export { importSessionToStore } from './sessions/store/importSessionToStore.js';
export type { ImportSessionToStoreOptions } from './sessions/store/importSessionToStore.js';
export {
  foldSessionSummary,
  type SessionSummaryData,
  type SessionSummaryEntry,
} from './sessions/store/sessionSummary.js';
export type { SessionSourceOptions } from './sessions/store/storeSessions.js';
export { SessionStoreError } from './errors/SessionStoreError.js';
export { SessionStoreUnsupportedError } from './errors/SessionStoreUnsupportedError.js';
export { ResultError } from './errors/ResultError.js';

export type {
  AgentDefinition,
  ClaudeAgentOptions,
  Effort,
  JsonSchemaOutputFormat,
  McpHttpServerConfig,
  McpServerConfig,
  McpSSEServerConfig,
  McpStdioServerConfig,
  SandboxIgnoreViolations,
  SandboxNetworkConfig,
  SandboxSettings,
  SDKWarning,
  SdkPluginConfig,
  SettingSource,
  SystemPromptCustom,
  SystemPromptPreset,
  TaskBudget,
  ThinkingConfig,
  ToolConfig,
  ToolsPreset,
} from './options/ClaudeAgentOptions.js';
export type { SpawnedProcess, SpawnOptions } from './transport/SpawnedProcess.js';

export type {
  JSONRPCMessage,
  McpSdkServerConfig,
  SdkMcpRequestContext,
  SdkMcpServer,
} from './mcp/SdkMcpServer.js';

export type {
  CanUseTool,
  CanUseToolContext,
  PermissionBehavior,
  PermissionMode,
  PermissionResult,
  PermissionRuleValue,
  PermissionUpdate,
  PermissionUpdateDestination,
} from './permissions/types.js';

export {
  HOOK_EVENTS,
  type AsyncHookOutput,
  type BaseHookInput,
  type ConfigChangeHookInput,
  type CwdChangedHookInput,
  type CwdChangedHookSpecificOutput,
  type DirectoryAddedHookInput,
  type ElicitationHookInput,
  type ElicitationHookSpecificOutput,
  type ElicitationResultHookInput,
  type ElicitationResultHookSpecificOutput,
  type FileChangedHookInput,
  type FileChangedHookSpecificOutput,
  type HookBackgroundTask,
  type HookCallback,
  type HookCallbackContext,
  type HookCallbackMatcher,
  type HookEvent,
  type HookInput,
  type HookInputFor,
  type HookMcpServer,
  type HookOutput,
  type HookOutputFor,
  type HookSessionCron,
  type HookSpecificOutput,
  type HookSpecificOutputFor,
  type HookToolCall,
  type HooksConfig,
  type InstructionsLoadedHookInput,
  type InterruptHookInput,
  type MessageDisplayHookInput,
  type MessageDisplayHookSpecificOutput,
  type ModelSwitchHookFields,
  type NotificationHookInput,
  type NotificationHookSpecificOutput,
  type PermissionDeniedHookInput,
  type PermissionDeniedHookSpecificOutput,
  type PermissionRequestDecision,
  type PermissionRequestHookInput,
  type PermissionRequestHookSpecificOutput,
  type PostCompactHookInput,
  type PostModelSwitchHookInput,
  type PostModelSwitchHookSpecificOutput,
  type PostToolBatchHookInput,
  type PostToolBatchHookSpecificOutput,
  type PostToolUseFailureHookInput,
  type PostToolUseFailureHookSpecificOutput,
  type PostToolUseHookInput,
  type PostToolUseHookSpecificOutput,
  type PreCompactHookInput,
  type PreModelSwitchHookInput,
  type PreModelSwitchHookSpecificOutput,
  type PreSkillShellCommandHookInput,
  type PreSkillShellCommandHookSpecificOutput,
  type PreToolUseHookInput,
  type PreToolUseHookSpecificOutput,
  type PreToolUsePermissionDecision,
  type SessionEndHookInput,
  type SessionStartHookInput,
  type SessionStartHookSpecificOutput,
  type SetupHookInput,
  type SetupHookSpecificOutput,
  type StopFailureError,
  type StopFailureHookInput,
  type StopHookInput,
  type StopHookSpecificOutput,
  type SubagentStartHookInput,
  type SubagentStartHookSpecificOutput,
  type SubagentStopHookInput,
  type SubagentStopHookSpecificOutput,
  type TaskCompletedHookInput,
  type TaskCreatedHookInput,
  type TeammateIdleHookInput,
  type UserPromptExpansionHookInput,
  type UserPromptExpansionHookSpecificOutput,
  type UserPromptSubmitHookInput,
  type UserPromptSubmitHookSpecificOutput,
  type WorktreeCreateHookInput,
  type WorktreeCreateHookSpecificOutput,
  type WorktreeRemoveHookInput,
} from './hooks/types.js';

export { query, type QueryParams } from './query/query.js';
export { startup, WarmQuery, type StartupParams } from './query/startup.js';
export {
  prewarm,
  SpareProcess,
  type ClaimOptions,
  type ClaimResult,
  type PrewarmParams,
} from './query/prewarm.js';
export { Query } from './query/QueryGenerator.js';
export { ClaudeSDKClient } from './query/ClaudeSDKClient.js';
export type { SessionControls } from './session/SessionControls.js';
export type { OutboundRequestOptions } from './control/ControlRouter.js';
export type { UserInput } from './session/Session.js';
export type { McpServerStatus, ModelInfo, ServerInfo } from './control/serverInfo.js';
export type {
  AccountInfo,
  AgentInfo,
  InterruptResult,
  McpPermissionOverride,
  McpSetServersResult,
  ReadFileResult,
  ReloadOutputStylesResult,
  ReloadPluginsResult,
  ReloadSkillsResult,
  RewindFilesResult,
  SettingsTarget,
  SlashCommand,
} from './control/controlTypes.js';
export type {
  ContextUsageKind,
  SDKContextUsage,
  SDKContextUsageCategory,
  SDKContextUsageGridCell,
  SDKControlContextUsageCategory,
  SDKControlGetContextUsageResponse,
} from './control/contextUsage.js';
export type {
  SDKControlGetUsageResponse,
  SDKExtraUsage,
  SDKRateLimitWindow,
  SDKSessionUsageTotals,
  SDKUsageBehaviorsWindow,
  SDKUsageReport,
} from './control/usageReport.js';
export type {
  SDKControlMcpReadResourceResponse,
  SDKMcpResourceContent,
  SDKMcpResourceLink,
} from './control/mcpResource.js';
export type {
  DialogContext,
  ElicitationRequest,
  ElicitationResult,
  OnElicitation,
  OnUserDialog,
  UserDialogRequest,
  UserDialogResult,
} from './control/dialogs.js';
export type { SdkMcpServerManifest } from './mcp/sdkMcpManifests.js';

export type { Transport, TransportExit, TransportSink } from './transport/Transport.js';
export type {
  TraceEntry,
  TraceHeader,
  TraceOption,
  TraceSink,
} from './transport/traceTransport.js';
export {
  SubprocessTransport,
  type SubprocessTransportOptions,
} from './transport/SubprocessTransport.js';
export { createSubprocessTransport } from './transport/createSubprocessTransport.js';
export {
  CLI_PATH_ENV_VARS,
  discoverCli,
  type CliCommand,
  type DiscoverCliOptions,
} from './cli/discoverCli.js';
export { cliVersion, MIN_CLI_VERSION, TESTED_CLI_VERSION } from './cli/cliVersion.js';
export { SDK_VERSION } from './version.js';
export {
  BUILTIN_TOOL_NAMES,
  EXIT_REASONS,
  type BuiltinToolName,
  type ExitReason,
} from './constants.js';
export { LEGACY_TOOL_NAME_ALIASES, SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from './constants.js';
export {
  classifyUsageText,
  ORG_POLICY_LIMIT_PREFIXES,
  USAGE_LIMIT_ERROR_PREFIXES,
  USAGE_TRANSITION_PREFIXES,
  USAGE_WARNING_PREFIXES,
  usageLimitOf,
  type UsageTextKind,
} from './messages/usageLimits.js';
export type { PermissionDecisionClassification } from './permissions/types.js';
export type {
  SDKSystemControlRequestProgressMessage,
  SDKSystemModelRefusalNoFallbackMessage,
} from './messages/events.js';
export type {
  FastModeDisabledReason,
  SDKDeferredToolUse,
  SDKStartupFailureReason,
} from './messages/result.js';
export type { SDKMessageOrigin } from './messages/user.js';
export type { ApiKeySource } from './messages/system.js';
export type {
  BackgroundTaskSummary,
  McpServerProvenance,
  SessionCronSummary,
} from './hooks/types.js';
export type {
  AgentMcpServerSpec,
  McpClaudeAIProxyServerConfig,
  McpServerToolPolicy,
  SandboxCredentialsConfig,
  SandboxFilesystemConfig,
  SdkBeta,
} from './options/ClaudeAgentOptions.js';
export type { SDKSettingsParseError } from './control/controlTypes.js';
export type {
  SDKControlListPermissionRulesResponse,
  SDKControlPermissionRulesState,
  SDKPermissionRuleDescription,
  SDKPermissionRuleEntry,
  SDKPermissionWorkspaceDirectory,
} from './control/permissionRules.js';
export { SettingsParseError } from './errors/SettingsParseError.js';
export { resolveSettings } from './settings/resolveSettings.js';
export { filterEscalatingDefaultMode } from './settings/filterEscalatingDefaultMode.js';
export { matchDeniedModels, type DeniedModelsMatch } from './settings/matchDeniedModels.js';
export type {
  ConfigScope,
  PolicySettingsOrigin,
  ProvenanceEntry,
  ResolvedSettings,
  ResolvedSettingsSourceEntry,
  ResolvedSettingSource,
  ResolveSettingsOptions,
  SessionSettings,
  Settings,
} from './settings/types.js';
export {
  KNOWN_EVENT_TYPES,
  KNOWN_SYSTEM_EVENT_SUBTYPES,
  type SDKActiveGoalMessage,
  type SDKAuthStatusMessage,
  type SDKConversationResetMessage,
  type SDKEventMessage,
  type SDKPromptSuggestionMessage,
  type SDKRateLimitEvent,
  type SDKRateLimitInfo,
  type SDKSystemCommandsChangedMessage,
  type SDKSystemElicitationCompleteMessage,
  type SDKSystemEventMessage,
  type SDKSystemFilesPersistedMessage,
  type SDKSystemInformationalMessage,
  type SDKSystemLocalCommandOutputMessage,
  type SDKSystemMemoryRecallMessage,
  type SDKSystemMirrorErrorMessage,
  type SDKSystemModelRefusalFallbackMessage,
  type SDKSystemNotificationMessage,
  type SDKSystemPluginInstallMessage,
  type SDKSystemSessionWritesLostMessage,
  type SDKSystemWorkerShuttingDownMessage,
  type SDKToolProgressMessage,
  type SDKToolUseSummaryMessage,
} from './messages/events.js';

export {
  KNOWN_CONTENT_BLOCK_TYPES,
  type CacheControl,
  type ContentBlock,
  type ContentBlockParam,
  type ContentBlockType,
  type DocumentBlock,
  type DocumentBlockParam,
  type DocumentSource,
  type ImageBlock,
  type ImageBlockParam,
  type ImageSource,
  type RedactedThinkingBlock,
  type TextBlock,
  type TextBlockParam,
  type ThinkingBlock,
  type ToolResultBlock,
  type ToolResultBlockParam,
  type ToolResultContentBlock,
  type ToolUseBlock,
  type UnknownContentBlock,
} from './messages/content.js';
export type {
  CacheCreationUsage,
  MessageDeltaUsage,
  ModelUsage,
  ResultUsage,
  ServerToolUseUsage,
  StopReason,
  Usage,
} from './messages/usage.js';
export type {
  APIAssistantMessage,
  SDKAssistantMessage,
  SDKAssistantMessageError,
  ToolUseMeta,
} from './messages/assistant.js';
export type {
  SDKUserMessage,
  SDKUserMessageInput,
  ToolPermissionDecision,
  ToolResultMeta,
} from './messages/user.js';
export {
  KNOWN_SYSTEM_SUBTYPES,
  type BackgroundTaskInfo,
  type FastModeState,
  type McpServerInfo,
  type PluginInfo,
  type SDKSystemApiRetryMessage,
  type SDKSystemBackgroundTasksChangedMessage,
  type SDKSystemCompactBoundaryMessage,
  type SDKSystemHookProgressMessage,
  type SDKSystemHookResponseMessage,
  type SDKSystemHookStartedMessage,
  type SDKSystemInitMessage,
  type SDKSystemMessage,
  type SDKSystemOtherMessage,
  type SDKSystemPermissionDeniedMessage,
  type SDKSystemSessionStateChangedMessage,
  type SDKSystemStatusMessage,
  type SDKSystemSubtype,
  type SDKSystemTaskNotificationMessage,
  type SDKSystemTaskProgressMessage,
  type SDKSystemTaskStartedMessage,
  type SDKSystemTaskUpdatedMessage,
  type SDKSystemThinkingTokensMessage,
  type TaskUsage,
} from './messages/system.js';
export type {
  SDKPermissionDenial,
  SDKResultError,
  SDKResultErrorSubtype,
  SDKResultMessage,
  SDKResultSuccess,
  SubagentStats,
  TerminalReason,
} from './messages/result.js';
export type {
  CitationsDelta,
  ContentBlockDelta,
  ContentBlockDeltaEvent,
  ContentBlockStartEvent,
  ContentBlockStopEvent,
  InputJSONDelta,
  MessageDeltaEvent,
  MessageStartEvent,
  MessageStopEvent,
  RawMessageStreamEvent,
  SDKStreamEvent,
  SignatureDelta,
  TextDelta,
  ThinkingDelta,
} from './messages/streamEvent.js';
export {
  KNOWN_MESSAGE_TYPES,
  type SDKMessage,
  type SDKMessageType,
  type SDKUnknownMessage,
} from './messages/SDKMessage.js';
export {
  CONTROL_MESSAGE_TYPES,
  type CanUseToolRequest,
  type ControlErrorResponse,
  type ElicitationWireRequest,
  type UserDialogWireRequest,
  type ControlSuccessResponse,
  type HookCallbackRequest,
  type InboundControlRequest,
  type McpMessageRequest,
  type SDKControlCancelRequest,
  type SDKControlMessage,
  type SDKControlRequest,
  type SDKControlResponse,
} from './messages/control.js';
export {
  isAssistantMessage,
  isInitMessage,
  isResultError,
  isResultMessage,
  isResultSuccess,
  isStreamEvent,
  isSystemMessage,
  isSystemOtherMessage,
  isTextBlock,
  isThinkingBlock,
  isToolResultBlock,
  isToolUseBlock,
  isUnknownContentBlock,
  isUnknownMessage,
  isUserMessage,
} from './messages/guards.js';
export {
  finalText,
  messageText,
  structuredOutput,
  toolResults,
  toolUses,
} from './messages/helpers.js';
