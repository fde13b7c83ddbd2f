import { join, resolve } from 'node:path';
import { kindOf, skillFileIn, subdirectories } from './fsUtil.js';

/** A skill folder of a plugin. */
export interface PluginSkillFolder {
  /** Absolute path of the folder. */
  directory: string;
  /** The SKILL.md file name as written, or `undefined` when the folder has none. */
  skillFile: string | undefined;
  /**
   * `child`: a sub-folder of a skills folder, named by the folder.
   * `direct`: a path in plugin.json that is itself a skill, named by its frontmatter `name`.
   */
  kind: 'child' | 'direct';
}

/**
 * Skill folders of a plugin the way Claude Code finds them: sub-folders of `skills/`, plus each
 * `skills` path of plugin.json (a skill folder itself, or a folder of skill folders).
 */
export async function pluginSkillFolders(
  root: string,
  declared: readonly string[],
): Promise<PluginSkillFolder[]> {
  const out: PluginSkillFolder[] = [];
  const seen = new Set<string>();
  const push = (folder: PluginSkillFolder) => {
    if (seen.has(folder.directory)) return;
    seen.add(folder.directory);
    out.push(folder);
  };
  const scan = async (dir: string, allowDirect: boolean) => {
    if ((await kindOf(dir)) !== 'directory') return;
    const own = allowDirect ? await skillFileIn(dir) : undefined;
    if (own) {
      push({ directory: dir, skillFile: own, kind: 'direct' });
      return;
    }
    for (const name of await subdirectories(dir)) {
      const child = join(dir, name);
      push({ directory: child, skillFile: await skillFileIn(child), kind: 'child' });
    }
  };
  await scan(join(root, 'skills'), false);
  for (const path of declared) await scan(resolve(root, path), true);
  return out;
}
