import type { ClaudeAgentOptions } from '@agentsdk/core';
import { SkillsError } from '../errors/SkillsError.js';
import type { SkillDocument } from '../skill/parseSkill.js';
import { matchesTrigger, type SkillTrigger } from './matchesTrigger.js';

/** A skill held in code: text put into the system prompt when its trigger matches the message. */
export interface ContextSkill {
  /** Heading of the skill's section in the system prompt. */
  name: string;
  /** The instructions. */
  content: string;
  /** Words, phrases or a pattern that activate it; omit for an always-active skill. */
  trigger?: SkillTrigger;
  /** Where it came from (`custom`, a file path, …); informational. */
  source?: string;
}

export interface AgentContextOptions {
  skills: readonly ContextSkill[];
  /** Appended after the skills' sections in every system prompt. */
  systemMessageSuffix?: string;
  /** Put before the user's message by `buildPrompt`. */
  userMessagePrefix?: string;
}

/** Skills chosen per message, turned into a system prompt and agent options. */
export interface AgentContext {
  readonly skills: readonly ContextSkill[];
  /** The skills active for `message`, in the order given. */
  activeSkills(message: string): ContextSkill[];
  /** `## <name>\n<content>` for each active skill, then the suffix, separated by blank lines. */
  buildSystemPrompt(message: string): string;
  /** The message with `userMessagePrefix` in front. */
  buildPrompt(message: string): string;
  /**
   * `base` with the system prompt for `message`: a string `systemPrompt` is followed by the skills'
   * text; a preset gets it in `append` (after any `append` it had); none becomes the skills' text.
   */
  buildOptions(message: string, base?: ClaudeAgentOptions): ClaudeAgentOptions;
}

/** The reference guide's `AgentContext`: trigger-word skills that build the system prompt. */
export function createAgentContext(options: AgentContextOptions): AgentContext {
  const skills = [...options.skills];
  for (const skill of skills) {
    if (typeof skill.name !== 'string' || skill.name.trim() === '')
      throw new SkillsError(
        'INVALID_ARGUMENT',
        'A context skill needs a `name` (the heading of its section).',
      );
    if (typeof skill.content !== 'string')
      throw new SkillsError(
        'INVALID_ARGUMENT',
        `Context skill "${skill.name}" needs \`content\` as a string.`,
      );
  }
  const activeSkills = (message: string) =>
    skills.filter((s) => matchesTrigger(message, s.trigger));
  const buildSystemPrompt = (message: string) => {
    const parts = activeSkills(message).map((s) => `## ${s.name}\n${s.content.trim()}`);
    if (options.systemMessageSuffix) parts.push(options.systemMessageSuffix);
    return parts.join('\n\n');
  };
  return {
    skills,
    activeSkills,
    buildSystemPrompt,
    buildPrompt: (message) =>
      options.userMessagePrefix ? `${options.userMessagePrefix}${message}` : message,
    buildOptions(message, base = {}) {
      const prompt = buildSystemPrompt(message);
      const current = base.systemPrompt;
      // Parts: the skills depend on the message, so they go last (after any boundary marker).
      const extend = (text: string | string[]): string | string[] =>
        typeof text === 'string'
          ? join(text, prompt)
          : prompt.trim() === ''
            ? text
            : [...text, prompt];
      let systemPrompt: ClaudeAgentOptions['systemPrompt'];
      if (current === undefined) systemPrompt = prompt;
      else if (typeof current === 'string' || Array.isArray(current))
        systemPrompt = extend(current);
      else if (current.type === 'custom')
        systemPrompt = { ...current, prompt: extend(current.prompt) };
      else systemPrompt = { ...current, append: join(current.append ?? '', prompt) };
      return { ...base, systemPrompt };
    },
  };
}

/**
 * A SKILL.md as a context skill: its body is the content, its `name` the heading (else `fallbackName`).
 * Give a trigger to activate it by words; without one it is always active.
 */
export function contextSkillFromDocument(
  document: SkillDocument,
  options: { trigger?: SkillTrigger; fallbackName?: string } = {},
): ContextSkill {
  const name = document.frontmatter.name ?? options.fallbackName;
  if (name === undefined)
    throw new SkillsError(
      'INVALID_ARGUMENT',
      `${document.file} has no \`name\`: pass \`fallbackName\`.`,
    );
  return {
    name,
    content: document.body.trim(),
    source: document.file,
    ...(options.trigger !== undefined && { trigger: options.trigger }),
  };
}

function join(a: string, b: string): string {
  return [a, b].filter((p) => p.trim() !== '').join('\n\n');
}
