export { createModelServer } from './modelServer/createModelServer.js';
export type {
  ModelServer,
  ModelServerEvent,
  ModelServerOptions,
  RequestMatcher,
  WaitOptions,
} from './modelServer/ModelServer.js';
export { ModelServerError, type ModelServerErrorCode } from './modelServer/ModelServerError.js';
export { loadModelScript } from './modelServer/loadModelScript.js';
export {
  offlineEnvironment,
  type OfflineEnvironment,
  type OfflineEnvironmentOptions,
} from './offline/offlineEnvironment.js';
export { parseModelScript, parseModelTurn } from './modelServer/parseModelScript.js';
export {
  isErrorTurn,
  type ModelContentBlock,
  type ModelContentTurn,
  type ModelErrorSpec,
  type ModelErrorTurn,
  type ModelRedactedThinkingBlock,
  type ModelScript,
  type ModelStopReason,
  type ModelTextBlock,
  type ModelThinkingBlock,
  type ModelToolUseBlock,
  type ModelTurn,
  type ModelUsage,
} from './modelServer/script.js';
export type {
  MessagesRequestBody,
  RecordedError,
  RecordedRequest,
  RequestKind,
  ResponseOutcome,
  SideRequestKind,
} from './modelServer/RecordedRequest.js';
export { classifyRequest, type RequestClass } from './modelServer/classify.js';

export {
  FIXTURE_FORMAT,
  FIXTURE_VERSION,
  type CliToSdkRecord,
  type CloseRecord,
  type EndInputRecord,
  type ErrorRecord,
  type ExitRecord,
  type Fixture,
  type FixtureHeader,
  type FixtureRecord,
  type MetaRecord,
  type NoiseRecord,
  type SdkToCliRecord,
  type StderrRecord,
} from './fixture/Fixture.js';
export { FixtureError, type FixtureErrorCode } from './fixture/FixtureError.js';
export { parseFixture } from './fixture/parseFixture.js';
export { readFixture } from './fixture/readFixture.js';
export { serializeFixture, type SerializeFixtureOptions } from './fixture/serializeFixture.js';
export { writeFixture } from './fixture/writeFixture.js';
export { createRedactor, type RedactOptions } from './fixture/redact.js';
export { findSecrets, type SecretFinding } from './fixture/findSecrets.js';

export {
  recordingTransport,
  type RecordingTransport,
  type RecordingTransportOptions,
} from './record/recordingTransport.js';

export {
  replayTransport,
  type ReplayMode,
  type ReplayTransport,
  type ReplayTransportOptions,
} from './replay/replayTransport.js';
export type { ReplayAnswer, ReplayReport } from './replay/ReplayReport.js';
export type { Divergence } from './replay/Divergence.js';
export type { Difference } from './replay/compareWrite.js';
export { ReplayDivergenceError } from './replay/ReplayDivergenceError.js';
export {
  ignoreKeys,
  ignorePaths,
  type JsonPath,
  type MatchContext,
  type ValueMatcher,
} from './replay/matchers.js';
export { shouldUpdateFixtures } from './replay/shouldUpdateFixtures.js';

export { fakeCliPath } from './fakeCli/fakeCliPath.js';

export { callTool, resultText, type CallToolOptions } from './tools/callTool.js';
export { listTools } from './tools/listTools.js';
export { schemaSnapshot, toolSchemas, type ToolSchemaSnapshot } from './tools/toolSchemas.js';
export { ToolCallError, type ToolCallErrorCode } from './tools/ToolCallError.js';
export type { ToolCallResult, ToolContentBlock, ToolInfo, ToolServer } from './tools/types.js';

export { toolCalls, type ToolCall } from './assertions/toolCalls.js';
export { totalCost } from './assertions/totalCost.js';
export { collect } from './assertions/collect.js';
export { finalText } from '@agentsdk/core';
