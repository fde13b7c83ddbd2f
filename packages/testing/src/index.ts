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
