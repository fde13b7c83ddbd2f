import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { demo } from '../examples/calculator.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examplesDir = new URL('../examples/', import.meta.url);

/** `// #region name` … `// #endregion name` blocks of every example, as users would write them. */
function regions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, examplesDir), 'utf8');
    for (const match of source.matchAll(/\/\/ #region (\S+)\n([\s\S]*?)\/\/ #endregion \1\n/g)) {
      found.set(
        `${file}#${match[1]}`,
        match[2]!.replaceAll("'../src/index.js'", "'@agentsdk/tools'"),
      );
    }
  }
  return found;
}

test.each([...regions()])('README shows %s exactly as the example compiles it', (_name, code) => {
  expect(readme).toContain('```ts\n' + code + '```');
});

test('README shows the real output of the calculator', async () => {
  const lines: string[] = [];
  await demo((line) => lines.push(line));
  expect(readme).toContain('```text\n' + lines.join('\n') + '\n```');
});

test('the calculator is about 30 lines', () => {
  const code = regions().get('calculator.ts#calculator') ?? '';
  expect(code.split('\n').length).toBeLessThanOrEqual(30);
});

test('the structured example does what its comment says', async () => {
  const { stats } = await import('../examples/structured.js');
  expect(await stats.call({ values: [1, 2, 6] })).toEqual({
    content: [{ type: 'text', text: '{"count":3,"mean":3,"max":6}' }],
    structuredContent: { count: 3, mean: 3, max: 6 },
  });
});
