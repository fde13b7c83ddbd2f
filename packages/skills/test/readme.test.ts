import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examplesDir = new URL('../examples/', import.meta.url);

/** `// #region name` … `// #endregion name` blocks of every example, as users would write them. */
function regions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, examplesDir), 'utf8');
    for (const match of source.matchAll(/^\/\/ #region (\S+)\n([\s\S]*?)^\/\/ #endregion \1\n/gm))
      found.set(
        `${file}#${match[1]}`,
        match[2]!.replaceAll("'../src/index.js'", "'@agentsdk/skills'"),
      );
  }
  return found;
}

test('every example has a region shown in the README', () => {
  expect([...regions().keys()].sort()).toEqual([
    'agentContext.ts#agent-context',
    'pluginAndAgents.ts#plugin-and-agents',
    'run.ts#run',
    'validateSkill.ts#validate-skill',
    'validateThenLoad.ts#validate-then-load',
  ]);
});

test.each([...regions()])('README shows %s exactly as the example compiles it', (_name, code) => {
  expect(readme).toContain('```ts\n' + code + '```');
});

/** Import an example and collect what it prints. */
async function printed(load: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spy = vi
    .spyOn(console, 'log')
    .mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    await load();
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

test('README shows the real output of validate-skill', async () => {
  const output = await printed(() => import('../examples/validateSkill.js'));
  expect(output).toContain('NAME_FORMAT');
  expect(readme).toContain('```text\n' + output + '\n```');
});

test('README shows the real output of validate-then-load, and the options load the skills', async () => {
  const { validateThenLoad } = await import('../examples/validateThenLoad.js');
  const project = fileURLToPath(new URL('project/', examplesDir));
  const lines: string[] = [];
  const options = await validateThenLoad(project, (line) => lines.push(line));
  expect(readme).toContain('```text\n' + lines.join('\n') + '\n```');
  expect(options).toMatchObject({
    settingSources: ['project'],
    allowedTools: ['Read', 'Grep', 'Skill'],
    plugins: [
      { type: 'local', path: fileURLToPath(new URL('project/plugins/release-tools', examplesDir)) },
    ],
  });
});

test('README shows the real output of agent-context', async () => {
  const output = await printed(() => import('../examples/agentContext.js'));
  expect(output.startsWith('## Python Expert\n')).toBe(true);
  expect(readme).toContain('```text\n' + output + '\n```');
});

let scaffold: string | undefined;
afterAll(async () => {
  if (scaffold) await rm(dirname(scaffold), { recursive: true, force: true });
});

test('the plugin example scaffolds a plugin that validates strictly, with both agents', async () => {
  const example = await import('../examples/pluginAndAgents.js');
  scaffold = example.root;
  expect(example.validation).toMatchObject({ valid: true, diagnostics: [] });
  expect(Object.keys(example.fromFiles).sort()).toEqual(['reviewer', 'test-runner']);
});
