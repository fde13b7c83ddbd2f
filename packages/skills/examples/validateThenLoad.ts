// #region validate-then-load
import type { ClaudeAgentOptions } from '@agentsdk/core';
import { join } from 'node:path';
import { discoverSkills, formatDiagnostic, validatePlugin, withSkills } from '../src/index.js';

/** Check a project's skills and its local plugin, then return agent options that load them. */
export async function validateThenLoad(
  project: string,
  log: (line: string) => void = console.log,
): Promise<ClaudeAgentOptions> {
  // 1. Validate: positioned errors before any agent runs.
  const plugin = await validatePlugin(join(project, 'plugins/release-tools'));
  const skills = await discoverSkills({
    cwd: project,
    settingSources: ['project'],
    plugins: [plugin.root],
  });
  const problems = [...plugin.diagnostics, ...skills.flatMap((skill) => skill.diagnostics)];
  for (const problem of problems) log(formatDiagnostic(problem));
  if (problems.some((problem) => problem.severity === 'error'))
    throw new Error('Fix the skills first.');
  log(`skills: ${skills.map((skill) => skill.name).join(', ')}`);

  // 2. Load: setting sources, the Skill tool and the plugin, in one call.
  return withSkills(
    { cwd: project, allowedTools: ['Read', 'Grep'] },
    { settingSources: ['project'], plugins: [plugin.root] },
  );
}
// #endregion validate-then-load
