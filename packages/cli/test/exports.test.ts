import { describe, expect, it } from 'vitest';

describe('the built package', () => {
  it('exports exactly the programmatic API (an accidental export fails here)', async () => {
    const api = await import('../dist/index.js');
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });
});
