import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import { externalMcpServers } from '../transport/buildArgs.js';

/**
 * Fields of the `initialize` control request: everything that is user content or unbounded in
 * size travels here rather than on argv (no argv limits, nothing visible in `ps`).
 */
export function initializeRequest(
  options: ClaudeAgentOptions,
  wired: {
    hooks?: Record<string, unknown>;
    sdkMcpServers?: string[];
    sdkMcpServerManifests?: Record<string, unknown>;
  } = {},
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const { systemPrompt } = options;
  // Parts as given (a copy): the CLI takes the boundary marker as an element of its own.
  const parts = (prompt: string | string[]): string[] =>
    typeof prompt === 'string' ? [prompt] : [...prompt];
  if (systemPrompt === undefined) {
    // As the official SDKs: an empty custom prompt, not Claude Code's own.
    fields.systemPrompt = [''];
  } else if (typeof systemPrompt === 'string' || Array.isArray(systemPrompt)) {
    fields.systemPrompt = parts(systemPrompt);
  } else {
    if (systemPrompt.type === 'custom') {
      fields.systemPrompt = parts(systemPrompt.prompt);
    } else {
      if (systemPrompt.append !== undefined) fields.appendSystemPrompt = systemPrompt.append;
      if (systemPrompt.excludeDynamicSections !== undefined)
        fields.excludeDynamicSections = systemPrompt.excludeDynamicSections;
    }
    if (systemPrompt.snapshot !== undefined) fields.systemPromptSnapshot = systemPrompt.snapshot;
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
  // What each in-process server answered to initialize and tools/list, so the CLI lists them as
  // connected (and knows their tools) before the first turn, without a handshake round trip.
  if (wired.sdkMcpServerManifests && Object.keys(wired.sdkMcpServerManifests).length) {
    fields.sdkMcpServerManifests = wired.sdkMcpServerManifests;
  }
  if (options.planModeInstructions !== undefined)
    fields.planModeInstructions = options.planModeInstructions;
  if (options.toolAliases && Object.keys(options.toolAliases).length)
    fields.toolAliases = options.toolAliases;
  if (options.title !== undefined) fields.title = options.title;
  if (options.promptSuggestions !== undefined) fields.promptSuggestions = options.promptSuggestions;
  if (options.agentProgressSummaries !== undefined)
    fields.agentProgressSummaries = options.agentProgressSummaries;
  if (options.supportedDialogKinds?.length)
    fields.supportedDialogKinds = options.supportedDialogKinds;
  if (options.perTaskStopAffordance !== undefined)
    fields.perTaskStopAffordance = options.perTaskStopAffordance;
  // `'all'` needs no list: the `Skill` rule on argv allows every skill.
  if (Array.isArray(options.skills)) fields.skills = options.skills;
  if (options.pluginDelivery === 'initialize' && options.plugins?.length)
    fields.plugins = options.plugins;
  const external = externalMcpServers(options.mcpServers);
  if (options.mcpServersDelivery === 'initialize' && external) fields.mcpServers = external;
  return fields;
}
