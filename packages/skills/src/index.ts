export { SkillsError, type SkillsErrorCode } from './errors/SkillsError.js';

export type { Severity } from './diagnostics/Severity.js';
export {
  SKILL_DIAGNOSTIC_CODES,
  type SkillDiagnostic,
  type SkillDiagnosticCode,
} from './diagnostics/SkillDiagnostic.js';
export {
  PLUGIN_DIAGNOSTIC_CODES,
  type PluginDiagnostic,
  type PluginDiagnosticCode,
  type PluginOwnDiagnosticCode,
} from './diagnostics/PluginDiagnostic.js';
export { formatDiagnostic } from './diagnostics/formatDiagnostic.js';

export {
  AGENT_SKILLS_KEYS,
  CLAUDE_CODE_SKILL_KEYS,
  type SkillFrontmatter,
  type SkillMode,
} from './skill/SkillFrontmatter.js';
export { parseSkill, type ParseSkillOptions, type SkillDocument } from './skill/parseSkill.js';
export {
  validateSkill,
  type SkillValidationResult,
  type ValidateSkillOptions,
} from './skill/validateSkill.js';
export type { SkillFiles } from './skill/skillLintRules.js';
export {
  validateSkillDirectory,
  type ValidateSkillDirectoryOptions,
} from './skill/validateSkillDirectory.js';
export { renderSkill } from './skill/renderSkill.js';
export { createSkill, type CreateSkillOptions } from './skill/createSkill.js';

export {
  discoverSkills,
  type DiscoveredSkill,
  type DiscoverSkillsOptions,
} from './discovery/discoverSkills.js';

export type {
  MarketplaceManifest,
  MarketplacePluginEntry,
  MarketplacePluginSource,
  PluginAuthor,
  PluginHook,
  PluginHookEvents,
  PluginHookMatcher,
  PluginHooksFile,
  PluginInlineCommand,
  PluginManifest,
  PluginMcpFile,
  PluginMcpServer,
} from './plugin/PluginManifest.js';
export {
  GUARD_HOOK_EVENTS,
  HOOK_EVENTS,
  HOOK_TYPES,
  type HookEventName,
} from './plugin/hookEvents.js';
export {
  createPlugin,
  type CreatedPlugin,
  type CreatePluginOptions,
} from './plugin/createPlugin.js';
export {
  validatePlugin,
  type PluginValidationResult,
  type ValidatePluginOptions,
} from './plugin/validatePlugin.js';
export {
  validateHooksConfig,
  type ValidateHooksConfigOptions,
} from './plugin/validateHooksConfig.js';
export { validateMcpConfig, type ValidateMcpConfigOptions } from './plugin/validateMcpConfig.js';

export { AGENT_FRONTMATTER_KEYS, type AgentFrontmatter } from './agents/AgentFrontmatter.js';
export { defineAgent, defineAgents } from './agents/defineAgent.js';
export {
  parseAgentFile,
  type AgentFile,
  type ParseAgentFileOptions,
} from './agents/parseAgentFile.js';
export { renderAgentFile } from './agents/renderAgentFile.js';
export { loadAgentsDirectory, writeAgentFile, type AgentDirectory } from './agents/agentFiles.js';

export { matchesTrigger, type SkillTrigger } from './context/matchesTrigger.js';
export {
  contextSkillFromDocument,
  createAgentContext,
  type AgentContext,
  type AgentContextOptions,
  type ContextSkill,
} from './context/createAgentContext.js';

export { withSkills, type WithSkillsOptions } from './load/withSkills.js';
