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
  if (options.outputFormat) {
    // The CLI silently drops the StructuredOutput tool when the schema declares draft 2020-12
    // (Zod 4's default `$schema`); the dialect adds nothing the CLI uses, so leave it out.
    const { $schema: _dialect, ...schema } = options.outputFormat.schema;
    fields.jsonSchema = schema;
  }
  if (options.agents && Object.keys(options.agents).length) fields.agents = options.agents;
  if (wired.hooks && Object.keys(wired.hooks).length) fields.hooks = wired.hooks;
  if (wired.sdkMcpServers?.length) fields.sdkMcpServers = wired.sdkMcpServers;
  return fields;
}
