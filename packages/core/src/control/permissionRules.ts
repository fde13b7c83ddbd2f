import type { SDKSettingsParseError } from './controlTypes.js';

// The answer to `list_permission_rules` (`listPermissionRules()`): every permission rule the
// session holds, with where it comes from. Shapes as CLI 2.1.331 sends them.

/**
 * The CLI's plain-language reading of a rule (e.g. "Any Bash command starting with npm run"),
 * in parts: `prefix` and `suffix` are fixed words, `emphasis` is text from the rule (escape
 * invisible characters before showing it).
 */
export interface SDKPermissionRuleDescription {
  prefix: string;
  emphasis?: string;
  suffix?: string;
}

/** One permission rule, where it comes from and whether a settings file holds it. */
export interface SDKPermissionRuleEntry {
  behavior: 'allow' | 'deny' | 'ask';
  source:
    | 'userSettings'
    | 'projectSettings'
    | 'localSettings'
    | 'flagSettings'
    | 'policySettings'
    | 'cliArg'
    | 'command'
    | 'session'
    | 'mcpMount'
    | 'toolsNarrowing'
    | 'mcpServerPolicy'
    | 'hostCredential'
    | (string & {});
  /** The rule exactly as stored (may hold invisible characters: escape it for display). */
  rule: string;
  description?: SDKPermissionRuleDescription;
  /** `persistent`: in a settings file; `session`: in memory; `readonly`: policy, flags, … */
  editability: 'persistent' | 'session' | 'readonly';
  /** True when managed settings allow policy rules only, so this rule is ignored. */
  notInEffect?: boolean;
}

/** An additional working directory the permission scope covers. */
export interface SDKPermissionWorkspaceDirectory {
  path: string;
  /** A settings source (`localSettings`, …), `cliArg` (`addDirs`) or `session`. */
  source: string;
}

/** The session's live permission rules. */
export interface SDKControlPermissionRulesState {
  rules: SDKPermissionRuleEntry[];
  workspaceDirectories: SDKPermissionWorkspaceDirectory[];
  /** The session's original working directory. */
  originalCwd: string;
  /** True when managed settings pin `allowManagedPermissionRulesOnly`. */
  managedOnly: boolean;
  /** Settings files the CLI skipped: their rules are not in the session and not listed. */
  errors?: SDKSettingsParseError[];
  /** True when a hosted (cloud) session cut the answer; see the official SDK's notes. */
  withheld?: boolean;
}

/** The success payload of `list_permission_rules`. */
export interface SDKControlListPermissionRulesResponse {
  state: SDKControlPermissionRulesState;
}
