import type { AgentDefinition } from '@agentsdk/core';
import { SkillsError } from '../errors/SkillsError.js';

const AGENT_NAME = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/**
 * A typed subagent for core's `agents` option. Checks what the CLI needs (a description Claude can
 * route on, a prompt) and throws `SkillsError` (`INVALID_ARGUMENT`) otherwise.
 */
export function defineAgent(definition: AgentDefinition): AgentDefinition {
  if (typeof definition.description !== 'string' || definition.description.trim() === '')
    throw new SkillsError(
      'INVALID_ARGUMENT',
      'An agent needs a `description`: say when Claude should delegate to it.',
    );
  if (typeof definition.prompt !== 'string' || definition.prompt.trim() === '')
    throw new SkillsError('INVALID_ARGUMENT', 'An agent needs a `prompt`: its system prompt.');
  for (const key of ['tools', 'disallowedTools'] as const) {
    const list = definition[key];
    if (
      list !== undefined &&
      (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.trim() === ''))
    )
      throw new SkillsError(
        'INVALID_ARGUMENT',
        `Agent \`${key}\` must be a list of tool names, such as ['Read', 'Grep'].`,
      );
  }
  return definition;
}

/**
 * Several agents at once, keyed by name (letters, digits, `-`, `_`): the value of core's `agents`
 * option. Each one is checked as by `defineAgent`.
 */
export function defineAgents<const N extends string>(
  agents: Record<N, AgentDefinition>,
): Record<N, AgentDefinition> {
  for (const [name, definition] of Object.entries<AgentDefinition>(agents)) {
    if (!AGENT_NAME.test(name))
      throw new SkillsError(
        'INVALID_ARGUMENT',
        `Agent name "${name}" may use letters, digits, "-" and "_" only.`,
      );
    try {
      defineAgent(definition);
    } catch (error) {
      if (SkillsError.is(error))
        throw new SkillsError(error.code, `Agent "${name}": ${error.message}`);
      throw error;
    }
  }
  return agents;
}
