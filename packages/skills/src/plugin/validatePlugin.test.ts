import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_CORPUS, writeCase } from '../../test/pluginCorpus.js';
import { PLUGIN_DIAGNOSTIC_CODES } from '../diagnostics/PluginDiagnostic.js';
import { validatePlugin } from './validatePlugin.js';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'skills-plugins-'));
  for (const c of PLUGIN_CORPUS) await writeCase(join(base, c.name), c);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('validatePlugin over the corpus', () => {
  it.each(PLUGIN_CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await validatePlugin(join(base, c.name));
    const summary = result.diagnostics
      .map((d) => `${d.severity} ${d.code} ${d.file}#${d.pointer} ${d.message}`)
      .join('\n');
    expect(result.valid, summary).toBe(c.valid);
    const codes = new Set(result.diagnostics.map((d) => d.code));
    expect(
      c.codes.filter((code) => !codes.has(code)),
      summary,
    ).toEqual([]);
    if (c.codes.length === 0) expect(result.diagnostics, summary).toEqual([]);
    const lenient = await validatePlugin(join(base, c.name), { lenient: true });
    expect(lenient.valid, 'compatibility mode').toBe(c.lenientValid ?? c.valid);
    expect(lenient.diagnostics.map((d) => d.code)).toEqual(result.diagnostics.map((d) => d.code));
  });

  it('has a case for every plugin diagnostic code', () => {
    const covered = new Set(PLUGIN_CORPUS.flatMap((c) => c.codes));
    expect(PLUGIN_DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('has failing cases and passing cases', () => {
    expect(PLUGIN_CORPUS.filter((c) => c.valid).length).toBeGreaterThan(10);
    expect(PLUGIN_CORPUS.filter((c) => !c.valid).length).toBeGreaterThan(10);
  });
});

describe('validatePlugin diagnostics', () => {
  it('points into JSON with a pointer', async () => {
    const result = await validatePlugin(join(base, 'mcp-env-not-strings'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'MCP_SERVER_INVALID',
        severity: 'error',
        file: '.mcp.json',
        pointer: '/mcpServers/db/env/PORT',
      }),
    ]);
  });

  it('points into a hooks file', async () => {
    const result = await validatePlugin(join(base, 'hooks-guard-without-command'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'HOOK_INVALID',
        severity: 'error',
        file: 'hooks/hooks.json',
        pointer: '/hooks/PreToolUse/0/hooks/0/command',
      }),
    ]);
  });

  it('gives line and column inside Markdown components', async () => {
    const result = await validatePlugin(join(base, 'skill-description-list'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'DESCRIPTION_TYPE',
        file: 'skills/greet/SKILL.md',
        pointer: '/description',
        line: 4,
        column: 3,
      }),
    ]);
  });

  it('names the manifest path that is missing', async () => {
    const result = await validatePlugin(join(base, 'path-missing'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'PATH_NOT_FOUND',
        file: '.claude-plugin/plugin.json',
        pointer: '/commands',
      }),
    ]);
  });

  it('reports the plugin name and kind', async () => {
    expect(await validatePlugin(join(base, 'complete'))).toMatchObject({
      valid: true,
      kind: 'plugin',
      name: 'demo',
    });
    expect(await validatePlugin(join(base, 'marketplace'))).toMatchObject({
      valid: true,
      kind: 'marketplace',
    });
    expect(await validatePlugin(join(base, 'project-claude-folder'))).toMatchObject({
      valid: false,
      kind: 'project',
    });
  });

  it('accepts the manifest file itself', async () => {
    const result = await validatePlugin(
      join(base, 'marketplace', '.claude-plugin', 'marketplace.json'),
    );
    expect(result).toMatchObject({
      valid: true,
      kind: 'marketplace',
      root: join(base, 'marketplace'),
    });
    const plugin = await validatePlugin(
      join(base, 'name-missing', '.claude-plugin', 'plugin.json'),
    );
    expect(plugin).toMatchObject({
      valid: false,
      kind: 'plugin',
      root: join(base, 'name-missing'),
    });
  });

  it('fails on warnings with strict', async () => {
    expect((await validatePlugin(join(base, 'minimal'))).valid).toBe(true);
    expect((await validatePlugin(join(base, 'minimal'), { strict: true })).valid).toBe(false);
    expect((await validatePlugin(join(base, 'complete'), { strict: true })).valid).toBe(true);
  });

  it('reports a path that does not exist', async () => {
    const result = await validatePlugin(join(base, 'no-such-folder'));
    expect(result).toMatchObject({
      valid: false,
      diagnostics: [expect.objectContaining({ code: 'MANIFEST_MISSING' })],
    });
  });
});
