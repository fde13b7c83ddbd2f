import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDK_VERSION } from '../src/version.js';

describe('the built package', () => {
  it('exports exactly the public API (an accidental export fails here)', async () => {
    const api = await import('../dist/index.js');
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });

  it('keeps the plumbing our other packages use on ./internal, out of the root', async () => {
    const internal = await import('../dist/internal.js');
    const api = await import('../dist/index.js');
    expect(Object.keys(internal).sort()).toMatchSnapshot();
    expect(Object.keys(internal).filter((name) => name in api)).toEqual([]);
  });

  it('reports its own version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
