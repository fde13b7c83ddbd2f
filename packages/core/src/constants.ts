/**
 * Names of the CLI's built-in tools (for `tools`, `allowedTools`, `disallowedTools`), as the
 * official SDK 0.3.331 lists them for CLI 2.1.331. Which ones a session offers depends on the
 * CLI version, platform and settings; the list is for completion and checks, not a guarantee.
 */
export const BUILTIN_TOOL_NAMES = [
  'Agent',
  'Artifact',
  'AskUserQuestion',
  'Bash',
  'ClaudeDesign',
  'CronCreate',
  'CronDelete',
  'CronList',
  'Edit',
  'EndConversation',
  'EnterPlanMode',
  'EnterWorktree',
  'ExitPlanMode',
  'ExitWorktree',
  'Glob',
  'Grep',
  'ListAgents',
  'ListMcpResourcesTool',
  'LSP',
  'Monitor',
  'NotebookEdit',
  'OfferChromeSetup',
  'PowerShell',
  'Projects',
  'propose_skills',
  'PushNotification',
  'Read',
  'ReadMcpResourceDirTool',
  'ReadMcpResourceTool',
  'ReadNotifications',
  'RemoteTrigger',
  'ReportFindings',
  'ScheduleWakeup',
  'SendFeedback',
  'SendMessage',
  'SendUserFile',
  'SendUserMessage',
  'SetGoal',
  'ShareOnboardingGuide',
  'ShowOnboardingRolePicker',
  'Skill',
  'SubagentHandback',
  'TaskCreate',
  'TaskGet',
  'TaskList',
  'TaskStop',
  'TaskUpdate',
  'TodoWrite',
  'ToolSearch',
  'WaitForMcpServers',
  'WebFetch',
  'WebSearch',
  'Workflow',
  'Write',
] as const;

export type BuiltinToolName = (typeof BUILTIN_TOOL_NAMES)[number];

/** Why a session ended (`SessionEnd` hook `reason`). */
export const EXIT_REASONS = ['clear', 'resume', 'logout', 'prompt_input_exit', 'other'] as const;

export type ExitReason = (typeof EXIT_REASONS)[number];

/**
 * Former tool names the CLI still accepts in permission rules, hook matchers, `tools` and
 * `disallowedTools`, each mapped to the tool's current name (as the official SDK 0.3.336 lists
 * them). A session started with an old name gets a warning naming the new one.
 */
export const LEGACY_TOOL_NAME_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  Task: 'Agent',
  KillShell: 'TaskStop',
  KillBash: 'TaskStop',
  ListPeers: 'ListAgents',
  Brief: 'SendUserMessage',
  ListMcpResources: 'ListMcpResourcesTool',
  ReadMcpResource: 'ReadMcpResourceTool',
  ReadMcpResourceDir: 'ReadMcpResourceDirTool',
  ProposeGoal: 'SetGoal',
});

/**
 * Marks where a custom system prompt splits into a static prefix (cacheable across sessions)
 * and a session-specific suffix, as an element of an array prompt:
 * `systemPrompt: [staticPart, SYSTEM_PROMPT_DYNAMIC_BOUNDARY, sessionPart]`. Whether the CLI
 * splits the cache there depends on the CLI and the account: CLI 2.1.331 with an API key and a
 * custom base URL joins the parts with a blank line and drops the marker. On a line of a string
 * prompt it reaches the model as text.
 */
export const SYSTEM_PROMPT_DYNAMIC_BOUNDARY = '__SYSTEM_PROMPT_DYNAMIC_BOUNDARY__';
