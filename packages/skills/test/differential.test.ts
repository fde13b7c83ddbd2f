import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlugin } from '../src/plugin/createPlugin.js';
import { validatePlugin } from '../src/plugin/validatePlugin.js';
import { PLUGIN_CORPUS, writeCase, type PluginCase } from './pluginCorpus.js';
import { findRealCli, mapLimit, runCli } from './realCli.js';

const cli = findRealCli();

interface Row {
  name: string;
  /** Our default verdict (Agent Skills format violations are errors). */
  ours: boolean;
  /** Our verdict in the compatibility mode (`lenient: true`). */
  lenient: boolean;
  cli: boolean;
  cliDiffers?: string;
}

describe.skipIf(!cli)('[cli] validatePlugin agrees with `claude plugin validate`', () => {
  let base: string;
  let rows: Row[];

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'skills-differential-'));
    const cases: PluginCase[] = [...PLUGIN_CORPUS];
    // Scaffolds must pass both validators.
    for (const examples of [true, false]) {
      const name = examples ? 'scaffold-with-examples' : 'scaffold-empty';
      await createPlugin({
        directory: join(base, name),
        name: 'scaffolded',
        author: { name: 'Test' },
        license: 'MIT',
        examples,
      });
      cases.push({ name, files: {}, valid: true, codes: [] });
    }
    for (const c of cases) await writeCase(join(base, c.name), c);
    rows = await mapLimit(cases, 4, async (c) => {
      const dir = join(base, c.name);
      const run = await runCli(cli!, ['plugin', 'validate', dir]);
      if (run.code !== 0 && run.code !== 1)
        throw new Error(`claude plugin validate ${c.name} exited ${run.code}: ${run.stderr}`);
      const ours = await validatePlugin(dir);
      const lenient = await validatePlugin(dir, { lenient: true });
      return {
        name: c.name,
        ours: ours.valid,
        lenient: lenient.valid,
        cli: run.code === 0,
        ...(c.cliDiffers !== undefined && { cliDiffers: c.cliDiffers }),
      };
    });
  }, 300_000);

  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('has at least 20 folders, valid and broken', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((r) => r.cli).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => !r.cli).length).toBeGreaterThanOrEqual(5);
  });

  it('in compatibility mode, agrees on valid vs invalid for every folder but the YAML differences', () => {
    const disagreements = rows.filter((r) => r.cliDiffers === undefined && r.lenient !== r.cli);
    expect(disagreements).toEqual([]);
  });

  it('still differs where the README says it does (else the list is stale)', () => {
    const stale = rows.filter((r) => r.cliDiffers !== undefined && r.lenient === r.cli);
    expect(stale).toEqual([]);
  });

  it('by default, refuses exactly the Agent Skills format violations the CLI tolerates', () => {
    const stricter = rows.filter((r) => r.ours !== r.lenient).map((r) => r.name);
    const listed = PLUGIN_CORPUS.filter((c) => c.lenientValid !== undefined).map((c) => c.name);
    expect(stricter.sort()).toEqual(listed.sort());
    for (const r of rows.filter((row) => row.ours !== row.lenient))
      expect(r, 'the CLI accepts it, we refuse it').toMatchObject({ ours: false, cli: true });
  });
});

describe('[cli] the real CLI', () => {
  it.runIf(process.env.CI)('is installed in CI', () => {
    expect(
      cli,
      'install the e2e package (it pins @anthropic-ai/claude-code) or set CLAUDE_CLI_PATH',
    ).toBeDefined();
  });
});
