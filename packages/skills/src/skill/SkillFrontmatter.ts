/**
 * The frontmatter of a SKILL.md: the Agent Skills fields, then the fields Claude Code adds.
 * Values of the wrong type are left out of this typed view (they are reported as diagnostics and
 * kept in `SkillDocument.data`).
 */
export interface SkillFrontmatter {
  // --- Agent Skills specification
  /** 1–64 characters: lowercase letters, digits and single hyphens; equal to the folder name. */
  name?: string;
  /** What the skill does and when to use it; at most 1024 characters. */
  description?: string;
  license?: string;
  /** Environment requirements; 1–500 characters. */
  compatibility?: string;
  metadata?: Record<string, string>;
  /** Space-separated tool names (Claude Code also accepts a list). */
  'allowed-tools'?: string | string[];

  // --- Claude Code
  when_to_use?: string;
  'argument-hint'?: string | string[];
  arguments?: string | string[];
  'disable-model-invocation'?: boolean;
  'user-invocable'?: boolean;
  'disallowed-tools'?: string | string[];
  model?: string;
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | number;
  context?: 'fork' | 'inherit';
  agent?: string;
  paths?: string | string[];
  shell?: 'bash' | 'powershell';
  hooks?: Record<string, unknown>;
}

/** Keys of the Agent Skills specification: the only ones allowed in strict mode. */
export const AGENT_SKILLS_KEYS = [
  'name',
  'description',
  'license',
  'compatibility',
  'metadata',
  'allowed-tools',
] as const;

/** Keys Claude Code reads beyond the specification, allowed in `claude-code` mode. */
export const CLAUDE_CODE_SKILL_KEYS = [
  'when_to_use',
  'argument-hint',
  'arguments',
  'disable-model-invocation',
  'user-invocable',
  'disallowed-tools',
  'model',
  'effort',
  'context',
  'agent',
  'paths',
  'shell',
  'hooks',
] as const;

/**
 * `strict`: the Agent Skills specification only (portable to every client).
 * `claude-code`: also the keys Claude Code reads; unknown keys are warnings.
 */
export type SkillMode = 'strict' | 'claude-code';
