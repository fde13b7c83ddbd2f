import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, MIN_CLI_VERSION, TESTED_CLI_VERSION } from './cliVersion.js';

describe('CLI versions', () => {
  it('states the CLI CI tests with: the one the workspace catalog pins', () => {
    const workspace = readFileSync(
      new URL('../../../../pnpm-workspace.yaml', import.meta.url),
      'utf8',
    );
    const pinned = /'@anthropic-ai\/claude-code':\s*([\d.]+)/.exec(workspace)?.[1];
    expect(pinned).toBe(TESTED_CLI_VERSION);
    expect(compareVersions(MIN_CLI_VERSION, TESTED_CLI_VERSION)).toBe(-1);
  });

  it('compares dotted versions numerically', () => {
    expect(compareVersions('2.1.332', '2.1.331')).toBe(1);
    expect(compareVersions('2.1.99', '2.1.331')).toBe(-1);
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
  });
});
