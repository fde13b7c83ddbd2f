export type PermissionMode =
  'default' | 'acceptEdits' | 'plan' | 'bypassPermissions' | 'dontAsk' | 'auto';

export type PermissionUpdateDestination =
  'userSettings' | 'projectSettings' | 'localSettings' | 'session' | 'cliArg';
export type PermissionBehavior = 'allow' | 'deny' | 'ask';

export interface PermissionRuleValue {
  toolName: string;
  ruleContent?: string;
}

/** A permission change, as the CLI suggests it and accepts it back (wire field names). */
export type PermissionUpdate =
  | {
      type: 'addRules';
      rules: PermissionRuleValue[];
      behavior: PermissionBehavior;
      destination: PermissionUpdateDestination;
    }
  | {
      type: 'replaceRules';
      rules: PermissionRuleValue[];
      behavior: PermissionBehavior;
      destination: PermissionUpdateDestination;
    }
  | {
      type: 'removeRules';
      rules: PermissionRuleValue[];
      behavior: PermissionBehavior;
      destination: PermissionUpdateDestination;
    }
  | { type: 'setMode'; mode: PermissionMode; destination: PermissionUpdateDestination }
  | { type: 'addDirectories'; directories: string[]; destination: PermissionUpdateDestination }
  | { type: 'removeDirectories'; directories: string[]; destination: PermissionUpdateDestination };

export interface CanUseToolContext {
  /** Aborted when the CLI cancels the request (e.g. the turn was interrupted) or the session closes. */
  signal: AbortSignal;
  suggestions: PermissionUpdate[];
  toolUseId: string;
  blockedPath?: string;
  decisionReason?: string;
  agentId?: string;
  /** The whole request as the CLI sent it, for fields this type does not name. */
  raw: Record<string, unknown>;
}

/**
 * What the user actually did, for the CLI's telemetry: `user_temporary` (allow once),
 * `user_permanent` (always allow, also its later cache hits), `user_reject` (deny). Unset, the
 * CLI assumes temporary for allow and reject for deny.
 */
export type PermissionDecisionClassification = 'user_temporary' | 'user_permanent' | 'user_reject';

export type PermissionResult =
  | {
      behavior: 'allow';
      updatedInput?: Record<string, unknown>;
      updatedPermissions?: PermissionUpdate[];
      decisionClassification?: PermissionDecisionClassification;
    }
  | {
      behavior: 'deny';
      message?: string;
      interrupt?: boolean;
      decisionClassification?: PermissionDecisionClassification;
    };

export type CanUseTool = (
  toolName: string,
  input: Record<string, unknown>,
  context: CanUseToolContext,
) => Promise<PermissionResult> | PermissionResult;
