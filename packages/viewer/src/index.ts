export { ViewerError, type ViewerErrorCode } from './errors/ViewerError.js';
export type {
  ErrorStep,
  HookStep,
  McpStep,
  PermissionStep,
  ResultStep,
  RetryStep,
  SourceKind,
  Step,
  SystemStep,
  TextStep,
  ThinkingStep,
  Timeline,
  TimelineDiff,
  ToolStep,
  Turn,
  UnknownStep,
  Usage,
  UserStep,
  ViewData,
} from './model/Timeline.js';
export { parseTimeline, type ParseOptions } from './parse/parseTimeline.js';
export { readTimeline } from './parse/readTimeline.js';
export { diffTimelines } from './diff/diffTimelines.js';
export { renderHtml } from './render/renderHtml.js';
export { startViewer, type StartViewerOptions, type ViewerServer } from './server/startViewer.js';
export { followTimeline, type TimelineFollower } from './live/followTimeline.js';
