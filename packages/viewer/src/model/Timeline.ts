/**
 * The normalised session every input format becomes, and what the page draws. Plain JSON (it
 * travels to the page as is): no classes, no functions, no `undefined`-only fields.
 */

/** Where a timeline came from. */
export type SourceKind = 'fixture' | 'trace' | 'transcript' | 'platform';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
}

/** Fields every step has: where it happened, for ordering and durations. */
interface StepBase {
  /** Milliseconds since the session started, when the source says. */
  t?: number;
  /** The line (1-based) of the source file it came from. */
  line?: number;
}

export interface UserStep extends StepBase {
  kind: 'user';
  text: string;
}

export interface TextStep extends StepBase {
  kind: 'text';
  text: string;
}

export interface ThinkingStep extends StepBase {
  kind: 'thinking';
  text: string;
}

/** A `can_use_tool` request and what the SDK (or the CLI's rules) decided. */
export interface PermissionStep extends StepBase {
  kind: 'permission';
  tool: string;
  toolUseId?: string;
  input: unknown;
  decision: 'allow' | 'deny' | 'unanswered';
  /** The deny message, or the reason the CLI gives. */
  message?: string;
  /** Set when the allow rewrote the input. */
  updatedInput?: unknown;
}

/** A `hook_callback` request and the hook's answer. */
export interface HookStep extends StepBase {
  kind: 'hook';
  event: string;
  toolUseId?: string;
  toolName?: string;
  output: unknown;
}

/** An `mcp_message` request for an in-process server and its answer. */
export interface McpStep extends StepBase {
  kind: 'mcp';
  server: string;
  method: string;
  params: unknown;
  result?: unknown;
  error?: string;
  durationMs?: number;
}

export interface ToolStep extends StepBase {
  kind: 'tool';
  id: string;
  name: string;
  input: unknown;
  /** The tool_result's content, text when it was text. */
  output?: unknown;
  isError?: boolean;
  /** From the tool_use to its tool_result. */
  durationMs?: number;
  /** Permission, hook and MCP steps about this call, in order. */
  control: Array<PermissionStep | HookStep | McpStep>;
  /** A subagent's steps (Agent/Task calls), folded under the call. */
  children: Step[];
}

/** The API failed and the CLI retries (or gives up). */
export interface RetryStep extends StepBase {
  kind: 'retry';
  attempt?: number;
  maxRetries?: number;
  status?: number | null;
  delayMs?: number;
  error?: string;
}

export interface ErrorStep extends StepBase {
  kind: 'error';
  message: string;
}

/** Other system messages worth a line (init, compaction, status, …). */
export interface SystemStep extends StepBase {
  kind: 'system';
  subtype: string;
  text: string;
}

export interface ResultStep extends StepBase {
  kind: 'result';
  subtype: string;
  isError: boolean;
  text?: string;
  durationMs?: number;
  costUsd?: number;
  numTurns?: number;
}

/** A message the parser does not know: shown, never dropped. */
export interface UnknownStep extends StepBase {
  kind: 'unknown';
  label: string;
  raw: unknown;
}

export type Step =
  | UserStep
  | TextStep
  | ThinkingStep
  | ToolStep
  | PermissionStep
  | HookStep
  | McpStep
  | RetryStep
  | ErrorStep
  | SystemStep
  | ResultStep
  | UnknownStep;

/** One user turn: the prompt and everything up to its result. */
export interface Turn {
  index: number;
  steps: Step[];
  usage: Usage;
  /** What this turn cost (from the result's cumulative cost, or the message usage). */
  costUsd?: number;
  durationMs?: number;
}

export interface Timeline {
  source: { kind: SourceKind; path: string; name?: string; description?: string };
  session: { id?: string; model?: string; cliVersion?: string; cwd?: string; startedAt?: string };
  turns: Turn[];
  totals: Usage & {
    costUsd: number;
    durationMs?: number;
    /** Lines (messages) read from the source. */
    messages: number;
    toolCalls: number;
    errors: number;
  };
  /** Things the parser skipped or could not place, in words. */
  warnings: string[];
}

/** Where two timelines first differ, and every turn pair that differs. */
export interface TimelineDiff {
  left: Timeline;
  right: Timeline;
  /** `turn` and `step` index into the left/right turns (the same turn index on both). */
  first?: { turn: number; step: number; what: string; left?: string; right?: string };
  differingTurns: number[];
}

/** What the page is given: one timeline, a diff, or an error to show. */
export type ViewData =
  | { mode: 'timeline'; timeline: Timeline; live?: boolean }
  | { mode: 'diff'; diff: TimelineDiff }
  | { mode: 'error'; title: string; message: string };
