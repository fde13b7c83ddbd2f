import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_KEYS } from '../src/options/optionsSchema.js';
import { Query } from '../src/query/QueryGenerator.js';
import { SessionControls } from '../src/session/SessionControls.js';
import { OFFICIAL_DTS, officialApi, ourExports } from './officialApi.js';

// Every public item of the official `@anthropic-ai/claude-agent-sdk` has a counterpart here or a
// line in docs/migration.md saying why not. A new official name fails this test until it has one.
const migration = readFileSync(new URL('../../../docs/migration.md', import.meta.url), 'utf8');
const documented = (name: string): boolean =>
  migration.includes(`\`${name}\``) || migration.includes(`\`${name}(`);

describe('parity with the official SDK', () => {
  it('finds the official declarations (run `pnpm install`: the bench depends on the package)', () => {
    expect(existsSync(OFFICIAL_DTS), OFFICIAL_DTS).toBe(true);
  });

  const official = existsSync(OFFICIAL_DTS)
    ? officialApi()
    : { exports: [], queryMethods: [], optionKeys: [] };

  it('has or documents every exported name', () => {
    const ours = new Set(ourExports());
    expect(official.exports.length).toBeGreaterThan(200);
    expect(official.exports.filter((n) => !ours.has(n) && !documented(n))).toEqual([]);
  });

  it('has or documents every Query method', () => {
    const methods = new Set([
      ...Object.getOwnPropertyNames(Query.prototype),
      ...Object.getOwnPropertyNames(SessionControls.prototype),
    ]);
    expect(official.queryMethods).toContain('setMcpServers');
    expect(official.queryMethods.filter((n) => !methods.has(n) && !documented(n))).toEqual([]);
  });

  it('has or documents every Options key', () => {
    const keys = new Set<string>(OPTION_KEYS);
    expect(official.optionKeys).toContain('canUseTool');
    expect(official.optionKeys.filter((n) => !keys.has(n) && !documented(n))).toEqual([]);
  });
});
