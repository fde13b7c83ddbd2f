import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { query } from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { discoverSkills, formatDiagnostic, validateSkillDirectory } from '@agentsdk/skills';

await using model = await modelEnvironment([
  useTool(
    'Skill',
    { skill: 'pdf-extractor' },
    { text: 'This is a job for the PDF extractor skill.' },
  ),
  say(
    'Following the pdf-extractor skill: I would run `pdftotext -layout invoice.pdf -` and quote the text.',
  ),
]);
// Work on a copy of ./project, so runs never write into the example's folder.
const project = model.workspace('project');
cpSync(fileURLToPath(new URL('../project', import.meta.url)), project, { recursive: true });

// #region validate
// Check the skill before any agent runs: errors carry file, line and column.
const check = await validateSkillDirectory(join(project, '.claude/skills/pdf-extractor'));
for (const diagnostic of check.diagnostics) console.log(formatDiagnostic(diagnostic));
console.log(`valid  › pdf-extractor: ${check.valid}`);

// Which skills a session would load, without starting the CLI: none unless a source is listed.
for (const settingSources of [[], ['project']] as const) {
  const skills = await discoverSkills({ cwd: project, settingSources: [...settingSources] });
  console.log(
    `found  › settingSources ${JSON.stringify(settingSources)}: ${skills.map((s) => s.name).join(', ') || '(none)'}`,
  );
}
// #endregion validate

// #region skills
for await (const message of query({
  prompt: 'Extract the text from invoice.pdf',
  options: {
    cwd: project,
    settingSources: ['project'], // REQUIRED: loads .claude/skills/ and CLAUDE.md (default: nothing)
    allowedTools: ['Skill', 'Read', 'Bash'], // the Skill tool lets the model invoke a skill
    env: model.env,
  },
})) {
  if (message.type === 'system' && message.subtype === 'init')
    console.log(`skills › ${message.skills.join(', ')}`);
  printMessage(message);
}
// #endregion skills
