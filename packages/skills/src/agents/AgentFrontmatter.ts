import type { PermissionMode } from '@agentsdk/core';

/** The frontmatter of an agent file (`agents/<name>.md`), as Claude Code reads it. */
export interface AgentFrontmatter {
  /** Lowercase letters, digits and hyphens. Default: the file name without `.md`. */
  name?: string;
  /** When Claude should delegate to this agent. */
  description?: string;
  /** Tools it may use (`Read, Grep, Glob` in the file). Omit to inherit all. */
  tools?: string[];
  disallowedTools?: string[];
  /** `sonnet`, `opus`, `haiku`, `inherit` or a full model id. */
  model?: string;
  permissionMode?: PermissionMode;
  maxTurns?: number;
  /** Skills preloaded into the agent's context. */
  skills?: string[];
  color?: string;
  effort?: string | number;
}

/** Keys Claude Code reads in agent frontmatter. Others are ignored with a warning. */
export const AGENT_FRONTMATTER_KEYS = [
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'permissionMode',
  'maxTurns',
  'skills',
  'color',
  'effort',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'isolation',
  'initialPrompt',
] as const;
