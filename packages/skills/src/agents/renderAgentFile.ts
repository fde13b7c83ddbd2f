import type { AgentDefinition } from '@agentsdk/core';
import { Document } from 'yaml';
import type { AgentFrontmatter } from './AgentFrontmatter.js';

/**
 * The Markdown of an agent file: frontmatter (`name`, `description`, `tools`, `disallowedTools`,
 * `model`, plus `extra` fields such as `permissionMode` or `color`), then the prompt.
 * `parseAgentFile(renderAgentFile(name, d)).definition` equals `d`.
 */
export function renderAgentFile(
  name: string,
  definition: AgentDefinition,
  extra: Omit<
    AgentFrontmatter,
    'name' | 'description' | 'tools' | 'disallowedTools' | 'model'
  > = {},
): string {
  const frontmatter: Record<string, unknown> = { name, description: definition.description };
  if (definition.tools !== undefined) frontmatter.tools = definition.tools.join(', ');
  if (definition.disallowedTools !== undefined)
    frontmatter.disallowedTools = definition.disallowedTools.join(', ');
  if (definition.model !== undefined) frontmatter.model = definition.model;
  Object.assign(frontmatter, extra);
  const yaml = new Document(frontmatter).toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\n${definition.prompt.trim()}\n`;
}
