import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The type-level API report (api/core.api.md) must match the built declarations: a change to any
// public type fails here until the report is regenerated and the diff committed.
const script = fileURLToPath(new URL('../scripts/apiReport.mjs', import.meta.url));

describe('the API report', () => {
  it('matches the built declaration files (run `pnpm --filter @agentsdk/core api:report`)', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
