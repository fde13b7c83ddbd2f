import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';

/**
 * Fields of the `initialize` control request: everything that is user content or unbounded in
 * size travels here rather than on argv (no argv limits, nothing visible in `ps`).
 */
export function initializeRequest(
  options: ClaudeAgentOptions,
  wired: { hooks?: Record<string, unknown>; sdkMcpServers?: string[] } = {},
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const { systemPrompt } = options;
  if (systemPrompt === undefined) {
    // As the official SDKs: an empty custom prompt, not Claude Code's own.
    fields.systemPrompt = [''];
  } else if (typeof systemPrompt === 'string') {
    fields.systemPrompt = [systemPrompt];
  } else if (systemPrompt.append !== undefined) {
    fields.appendSystemPrompt = systemPrompt.append;
  }
  if (options.outputFormat) fields.jsonSchema = options.outputFormat.schema;
  if (options.agents && Object.keys(options.agents).length) fields.agents = options.agents;
  if (wired.hooks && Object.keys(wired.hooks).length) fields.hooks = wired.hooks;
  if (wired.sdkMcpServers?.length) fields.sdkMcpServers = wired.sdkMcpServers;
  return fields;
}
