import type { ClaudeAgentOptions, SdkPluginConfig, SettingSource } from '@agentsdk/core';
import { resolve } from 'node:path';

export interface WithSkillsOptions {
  /**
   * Filesystem sources to load skills (and CLAUDE.md, settings) from: `project` for
   * `.claude/skills/`, `user` for `~/.claude/skills/`. Added to `base.settingSources`.
   * Default `['project']`.
   */
  settingSources?: SettingSource[];
  /** Local plugin folders (paths or core's `{ type: 'local', path }`), resolved against `cwd`. */
  plugins?: Array<SdkPluginConfig | string>;
  /** Folder plugin paths are relative to. Default `base.cwd`, else `process.cwd()`. */
  cwd?: string;
}

/**
 * Options to run an agent with skills: `base` plus the setting sources that load them, the `Skill`
 * tool in `allowedTools` (and in `tools` when `base.tools` is an explicit list), and the plugins as
 * absolute `{ type: 'local', path }` entries. Does not change `base`.
 *
 * ```ts
 * query({ prompt, options: withSkills({ cwd: project }, { plugins: ['./my-plugin'] }) })
 * ```
 */
export function withSkills(
  base: ClaudeAgentOptions = {},
  options: WithSkillsOptions = {},
): ClaudeAgentOptions {
  const cwd = resolve(options.cwd ?? base.cwd ?? process.cwd());
  const settingSources = union<SettingSource>(
    base.settingSources ?? [],
    options.settingSources ?? ['project'],
  );
  const allowedTools = union(base.allowedTools ?? [], ['Skill']);
  const plugins: SdkPluginConfig[] = [...(base.plugins ?? [])];
  for (const plugin of options.plugins ?? []) {
    const path = resolve(cwd, typeof plugin === 'string' ? plugin : plugin.path);
    if (!plugins.some((p) => resolve(cwd, p.path) === path)) plugins.push({ type: 'local', path });
  }
  const tools = Array.isArray(base.tools) ? union(base.tools, ['Skill']) : base.tools;
  return {
    ...base,
    settingSources,
    allowedTools,
    ...(plugins.length > 0 && { plugins }),
    ...(tools !== undefined && { tools }),
  };
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
