import type { ClaudeAgentOptions } from '@agentsdk/core';

// A reference configuration: every group of options, typed. (Type-checked, not run.)
// #region options
export const options: ClaudeAgentOptions = {
  // Model and prompt
  model: 'claude-sonnet-4-5',
  fallbackModel: 'claude-haiku-4-5',
  systemPrompt: 'You are a helpful coding assistant.', // or { type: 'preset', preset: 'claude_code', append: '…' }
  maxTurns: 10,
  maxBudgetUsd: 1.0,
  thinking: { type: 'enabled', budgetTokens: 8_000 },

  // Environment
  cwd: '/path/to/project', // must exist
  env: { CUSTOM_VAR: 'value', NODE_OPTIONS: undefined }, // merged over process.env; undefined removes
  addDirs: ['/path/to/shared/docs'],
  cliPath: undefined, // default: discovered (node_modules, PATH, known install folders)

  // Tools
  tools: { type: 'preset', preset: 'claude_code' }, // the base set; or ['Read', 'Edit'], or [] for none
  allowedTools: ['Read', 'Write', 'Bash'], // run without asking
  disallowedTools: ['WebFetch'], // removed entirely
  mcpServers: {}, // in-process (createSdkMcpServer), stdio, SSE or HTTP servers

  // Permissions
  permissionMode: 'acceptEdits', // default | acceptEdits | plan | bypassPermissions | dontAsk | auto
  canUseTool: (toolName, input) => ({ behavior: 'allow', updatedInput: input }),

  // Sessions
  continueConversation: false, // or resume: '<session id>', forkSession: true
  persistSession: true,

  // Settings, agents, plugins
  settingSources: ['project'], // default: none — no CLAUDE.md, skills or settings files
  agents: {},
  plugins: [],

  // Process
  stderr: (line) => console.error(`[claude] ${line}`),
  abortSignal: AbortSignal.timeout(10 * 60_000),
};
// #endregion options
