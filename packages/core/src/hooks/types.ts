export type HookEvent =
  | 'PreToolUse'
  | 'PostToolUse'
  | 'PostToolUseFailure'
  | 'UserPromptSubmit'
  | 'Stop'
  | 'SubagentStart'
  | 'SubagentStop'
  | 'PreCompact'
  | 'Notification'
  | 'SessionStart'
  | 'SessionEnd'
  | 'PermissionRequest';

/** Common fields of every hook input (wire names). */
export interface BaseHookInput {
  session_id: string;
  transcript_path: string;
  cwd: string;
  permission_mode?: string;
  hook_event_name: string;
  [key: string]: unknown;
}

export interface HookOutput {
  continue?: boolean;
  suppressOutput?: boolean;
  stopReason?: string;
  decision?: 'approve' | 'block';
  systemMessage?: string;
  reason?: string;
  hookSpecificOutput?: { hookEventName: HookEvent; [key: string]: unknown };
}

export type HookCallback = (
  input: BaseHookInput,
  toolUseId: string | undefined,
  context: { signal: AbortSignal },
) => Promise<HookOutput> | HookOutput;

export interface HookCallbackMatcher {
  matcher?: string;
  hooks: HookCallback[];
  /** Seconds. */
  timeout?: number;
}

/** Hook callbacks by event (placeholder until the typed per-event inputs land). */
export type HooksConfig = Partial<Record<HookEvent, HookCallbackMatcher[]>>;
