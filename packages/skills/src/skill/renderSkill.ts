import { Document } from 'yaml';
import type { SkillFrontmatter } from './SkillFrontmatter.js';

/** The text of a SKILL.md: YAML frontmatter (keys in the order given), then the body. */
export function renderSkill(
  frontmatter: SkillFrontmatter & { name: string; description: string },
  body: string,
): string {
  const yaml = new Document(frontmatter).toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
