import type { SDKWarning } from './ClaudeAgentOptions.js';

/** The default warning sink: stderr, one line, prefixed so it is clear where it comes from. */
export function defaultWarn(warning: SDKWarning): void {
  console.warn(`[agentsdk] ${warning.code}: ${warning.message}`);
}
