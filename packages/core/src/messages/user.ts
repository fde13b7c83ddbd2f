import type { ContentBlock, ContentBlockParam } from './content.js';
import type { OpenString } from './openString.js';

/** How a tool call's permission was decided, per tool_result (d1, d2, e1). */
export interface ToolPermissionDecision {
  decision: OpenString<'accept' | 'reject'>;
  /** e.g. `config`, `user_temporary`, `user_reject`, `hook`. */
  source: string;
  /** e.g. `mode`, `hook`. */
  reason_type?: string;
}

/** Per-tool_result metadata on `user` echoes. */
export interface ToolResultMeta {
  /** The tool_use id. */
  id: string;
  permission_decision?: ToolPermissionDecision;
  /** e.g. `"permission-rule"` when the tool never ran (d1, e1). */
  non_execution_kind?: string;
  user_feedback?: string;
  built_in_tool?: string;
}

/**
 * Who a user-role message comes from. A host passing on what a person typed stamps
 * `{ kind: 'human' }`: the CLI treats a message without `origin` as unattributed. Other kinds
 * (`peer`, `channel`, `task-notification`, …) are set by the CLI and may carry more fields.
 */
export type SDKMessageOrigin =
  | { kind: 'human' }
  | { kind: 'channel'; server: string }
  | {
      kind: 'peer';
      /** The sender as it names itself: for replies only, never for trust. */
      from: string;
      fromMode?: 'bypass' | 'prompting';
      name?: string;
      fromSession?: string;
      senderTaskId?: string;
      /** The message text without the peer envelope, exactly as the model sees it. */
      body?: string;
      /** The connecting process's pid as the kernel reports it: the identity to key on. */
      verifiedPeerPid?: number;
    }
  | {
      kind: 'task-notification';
      subkind?: OpenString<
        | 'scheduled-trigger'
        | 'peer-send-message'
        | 'projects-relay'
        | 'session-inbox'
        | 'external-event'
      >;
      fireReason?: string;
      runId?: string;
    }
  | { kind: 'coordinator' }
  | { kind: 'unclassified' }
  | { kind: 'observer'; from: string; senderTaskId: string }
  | { kind: 'auto-continuation' }
  | { kind: 'observer-activity' };

/**
 * A conversation item the CLI echoes on stdout: tool results, interrupt markers
 * (`[Request interrupted by user]`), synthetic prompts and replays (docs/protocol.md §4.5).
 * The user's own prompts are *not* echoed (§3.2).
 */
export interface SDKUserMessage {
  type: 'user';
  message: {
    role: 'user';
    /** A plain string on replays (g1); content blocks in every other echo recorded. */
    content: string | ContentBlock[];
  };
  /** The Agent tool_use id for a subagent's prompt and tool results (l1). */
  parent_tool_use_id: string | null;
  session_id: string;
  uuid: string;
  timestamp?: string;
  /**
   * The tool's structured result, shaped per tool (Read: `{type, file}`, Bash:
   * `{stdout, stderr, interrupted, …}`, MCP: the content array), or an error string.
   */
  tool_use_result?: unknown;
  tool_result_meta?: ToolResultMeta[];
  /** The CLI wrote this prompt itself, e.g. `[structured-output-enforce] …` (h2, h3). */
  isSynthetic?: boolean;
  /** A replay of a local command's output, e.g. after `set_model` with no model (g1). */
  isReplay?: true;
  /** Subagent prompt and results carry these (l1). */
  agent_id?: string;
  subagent_type?: string;
  task_description?: string;
  /** Who sent it, when the CLI knows (peer sessions, channels, scheduled tasks). */
  origin?: SDKMessageOrigin;
}

/**
 * The user message the SDK writes on stdin (docs/protocol.md §3.2). `session_id: ""` is accepted;
 * the CLI assigns the real id. `message.role` is required: without it the CLI exits (§7).
 */
export interface SDKUserMessageInput {
  type: 'user';
  session_id: string;
  message: {
    role: 'user';
    content: string | ContentBlockParam[];
  };
  parent_tool_use_id: string | null;
  /** Optional client id for the message. */
  uuid?: string;
  /** Queue priority when a turn is already running. */
  priority?: 'now' | 'next' | 'later';
  /** Who wrote it; `{ kind: 'human' }` for text a person typed. */
  origin?: SDKMessageOrigin;
}
