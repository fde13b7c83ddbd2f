import { fileURLToPath } from 'node:url';

/** The project templates `create-agent-tool` and `agentsdk new` can produce. */
export const TEMPLATES = ['tool', 'skill', 'plugin', 'agent'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** One line per template, for prompts and `--help`. */
export const TEMPLATE_DESCRIPTIONS: Record<TemplateName, string> = {
  tool: 'an MCP server package: a typed tool, a resource and a prompt; stdio server; tests',
  skill: 'an Agent Skill folder (skills/<name>/SKILL.md)',
  plugin: 'a Claude Code plugin (plugin.json, a skill, a command, an agent)',
  agent: 'a subagent definition (.claude/agents/<name>.md)',
};

export function isTemplateName(value: string): value is TemplateName {
  return (TEMPLATES as readonly string[]).includes(value);
}

/** The folder holding the template's files (shipped in the package's `templates/`). */
export function templateDirectory(template: TemplateName): string {
  return fileURLToPath(new URL(`../../templates/${template}`, import.meta.url));
}
