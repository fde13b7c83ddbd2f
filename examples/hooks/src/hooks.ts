import type { HookCallback, HooksConfig } from '@agentsdk/core';

// #region block-bash
const BLOCKED = ['rm -rf', 'sudo', '> /dev/'];

/** PreToolUse, matcher "Bash": deny commands with a blocked pattern. The model reads the reason. */
export const checkBashCommand: HookCallback<'PreToolUse'> = (input) => {
  const command = String(input.tool_input['command'] ?? '');
  const pattern = BLOCKED.find((p) => command.includes(p));
  if (!pattern) return {}; // no opinion: the normal permission flow decides
  return {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: `Blocked: "${pattern}" is not allowed`,
    },
  };
};
// #endregion block-bash

// #region log-tools
/** PreToolUse and PostToolUse without a matcher: every tool call and its result. */
export const logToolUse: HookCallback<'PreToolUse'> = (input) => {
  console.log(`hook   › before ${input.tool_name} ${JSON.stringify(input.tool_input)}`);
};
export const logToolResult: HookCallback<'PostToolUse'> = (input) => {
  console.log(
    `hook   › after  ${input.tool_name} → ${JSON.stringify(input.tool_response).slice(0, 80)}`,
  );
};
// #endregion log-tools

// #region prompt-context
/** UserPromptSubmit: add context the model sees with the prompt (the prompt itself is unchanged). */
export const addPromptContext: HookCallback<'UserPromptSubmit'> = (input) => {
  console.log(`hook   › prompt "${input.prompt}" + context`);
  return {
    hookSpecificOutput: {
      hookEventName: 'UserPromptSubmit',
      additionalContext: `Current time: ${new Date().toISOString()}. On-call engineer: Dana.`,
    },
  };
};
// #endregion prompt-context

// #region stop-on-critical
/** PostToolUse, matcher "Bash": stop the whole session when a command reports a critical error. */
export const stopOnCriticalError: HookCallback<'PostToolUse'> = (input) => {
  if (!JSON.stringify(input.tool_response).toLowerCase().includes('critical')) return {};
  return {
    continue: false,
    stopReason: 'Critical error detected: halting for safety',
    systemMessage: 'Execution stopped due to a critical error',
  };
};
// #endregion stop-on-critical

// #region config
export const hooks: HooksConfig = {
  UserPromptSubmit: [{ hooks: [addPromptContext] }],
  PreToolUse: [
    { hooks: [logToolUse] }, // no matcher: every tool
    { matcher: 'Bash', hooks: [checkBashCommand] },
  ],
  PostToolUse: [{ hooks: [logToolResult] }, { matcher: 'Bash', hooks: [stopOnCriticalError] }],
};
// #endregion config
