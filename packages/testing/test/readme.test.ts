import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { realCliPath } from './support/realCli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examplesDir = new URL('./examples/', import.meta.url);

/** `// #region name` … `// #endregion name` blocks of the examples, as users would write them. */
function regions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, examplesDir), 'utf8');
    for (const match of source.matchAll(/\/\/ #region (\S+)\n([\s\S]*?)\/\/ #endregion \1\n/g)) {
      found.set(
        `${file}#${match[1]}`,
        (match[2] ?? '')
          .replaceAll("'../../src/index.js'", "'@agentsdk/testing'")
          .replaceAll("'../support/calculator.js'", "'./calculator.js'")
          .replaceAll("'../../fixtures/", "'./fixtures/"),
      );
    }
  }
  return found;
}

test.each([...regions()])('README shows %s exactly as the example compiles it', (_name, code) => {
  expect(readme).toContain('```ts\n' + code + '```');
});

test('a replay test for a tool fits in 15 lines', () => {
  const code = regions().get('toolReplay.test.ts#toolReplay') ?? '';
  expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(15);
});

test.skipIf(realCliPath === undefined)(
  '[cli] README shows the real output of the quick start',
  async () => {
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const example = fileURLToPath(new URL('./examples/quickstart.example.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(tsx, [example], {
      env: { ...process.env, CLAUDE_CLI_PATH: realCliPath },
      timeout: 60_000,
    });
    expect(readme).toContain(`run \`npx tsx quickstart.mts\`):\n\n\`\`\`\n${stdout}\`\`\``);
  },
  90_000,
);
