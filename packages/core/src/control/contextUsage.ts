import type { OpenString } from '../messages/openString.js';

// The answer to `get_context_usage` (`getContextUsage()`) and the structured twin of a `/context`
// report. Named and shaped as the official SDK 0.3.336 declares them; checked against CLI 2.1.331.
// Every object stays open: a newer CLI adds fields and they still reach the caller.

/** What a row of the breakdown is: classify on this, never on the English `name`. */
export type ContextUsageKind = 'used' | 'free' | 'buffer' | 'deferred';

/** One row of the `getContextUsage()` breakdown (system prompt, tools, messages, free space, …). */
export interface SDKControlContextUsageCategory {
  /** Stable id of the row (absent from older CLIs; an unknown value means a newer row). */
  id?: OpenString<
    | 'system_prompt'
    | 'system_tools'
    | 'mcp_tools'
    | 'mcp_instructions'
    | 'mcp_tools_deferred'
    | 'system_tools_deferred'
    | 'custom_agents'
    | 'memory_files'
    | 'skills'
    | 'messages'
    | 'autocompact_buffer'
    | 'compact_buffer'
    | 'free_space'
  >;
  name: string;
  tokens: number;
  color: string;
  isDeferred?: boolean;
  kind: OpenString<ContextUsageKind>;
  [key: string]: unknown;
}

/** One square of the `/context` grid, as the terminal draws it. */
export interface SDKContextUsageGridCell {
  color: string;
  isFilled: boolean;
  categoryName: string;
  tokens: number;
  percentage: number;
  squareFullness: number;
  [key: string]: unknown;
}

/** Breakdown of the context window by category, as `getContextUsage()` answers it. */
export interface SDKControlGetContextUsageResponse {
  categories: SDKControlContextUsageCategory[];
  totalTokens: number;
  maxTokens: number;
  rawMaxTokens: number;
  percentage: number;
  gridRows: SDKContextUsageGridCell[][];
  model: string;
  memoryFiles: Array<{ path: string; type: string; tokens: number; [key: string]: unknown }>;
  mcpTools: Array<{
    name: string;
    serverName: string;
    tokens: number;
    isLoaded?: boolean;
    [key: string]: unknown;
  }>;
  /** The `mcp_instructions` row by server (each share estimated from its text's length). */
  mcpInstructions?: Array<{ serverName: string; tokens: number; [key: string]: unknown }>;
  deferredBuiltinTools?: Array<{ name: string; tokens: number; isLoaded: boolean }>;
  systemTools?: Array<{ name: string; tokens: number }>;
  systemPromptSections?: Array<{ name: string; tokens: number }>;
  agents: Array<{
    agentType: string;
    source: string;
    pluginId?: string;
    path?: string;
    tokens: number;
    [key: string]: unknown;
  }>;
  slashCommands?: { totalCommands: number; includedCommands: number; tokens: number };
  skills?: {
    totalSkills: number;
    includedSkills: number;
    tokens: number;
    skillFrontmatter: Array<{
      name: string;
      source: string;
      pluginName?: string;
      pluginId?: string;
      path?: string;
      tokens: number;
      [key: string]: unknown;
    }>;
  };
  autoCompactThreshold?: number;
  isAutoCompactEnabled: boolean;
  messageBreakdown?: {
    toolCallTokens: number;
    toolResultTokens: number;
    attachmentTokens: number;
    assistantMessageTokens: number;
    userMessageTokens: number;
    redirectedContextTokens: number;
    unattributedTokens: number;
    toolCallsByType: Array<{ name: string; callTokens: number; resultTokens: number }>;
    attachmentsByType: Array<{ name: string; tokens: number }>;
    [key: string]: unknown;
  };
  /** Usage of the last API response; `null` before the first one. */
  apiUsage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
  } | null;
  [key: string]: unknown;
}

/** One row of the usage-by-category breakdown of a `/context` report. */
export interface SDKContextUsageCategory {
  name: string;
  tokens: number;
  kind: OpenString<ContextUsageKind>;
  [key: string]: unknown;
}

/**
 * Structured twin of a `/context` report, on the assistant message that carries its markdown
 * (`context_usage`), from CLIs new enough to attach it.
 */
export interface SDKContextUsage {
  model: string;
  /** Estimated tokens in use; may exceed `raw_max_tokens`. */
  total_tokens: number;
  raw_max_tokens: number;
  /** Rounded `total_tokens / raw_max_tokens`, 0–100+. */
  percentage: number;
  over_limit?: { tokens_over: number; kind: OpenString<'hard_limit' | 'compaction_window'> };
  categories: SDKContextUsageCategory[];
  mcp_tools: Array<{ name: string; server_name: string; tokens: number }>;
  memory_files: Array<{ path: string; type: string; tokens: number }>;
  agents: Array<{ agent_type: string; source: string; tokens: number }>;
  skills?: Array<{ name: string; source: string; plugin_name?: string; tokens: number }>;
  [key: string]: unknown;
}
