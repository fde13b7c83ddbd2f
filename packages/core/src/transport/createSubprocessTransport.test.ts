import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SDKWarning } from '../options/ClaudeAgentOptions.js';
import { createSubprocessTransport } from './createSubprocessTransport.js';

describe('createSubprocessTransport', () => {
  it('warns (and only warns) when the CLI is older than the minimum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-old-cli-'));
    const cli = join(dir, 'claude');
    writeFileSync(cli, '#!/bin/sh\necho "1.9.0 (Claude Code)"\n');
    chmodSync(cli, 0o755);
    const warning = await new Promise<SDKWarning>((resolve) => {
      const transport = createSubprocessTransport({ cliPath: cli, onWarning: resolve });
      expect(transport.writable).toBe(false); // built, not started: the probe does not block
    });
    expect(warning.code).toBe('CLI_VERSION');
    expect(warning.message).toContain('1.9.0');
    expect(warning.message).toContain('2.0.0');
  });

  it('runs no version probe when CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-skip-check-'));
    const cli = join(dir, 'claude');
    writeFileSync(cli, '#!/bin/sh\necho "1.9.0 (Claude Code)"\n');
    chmodSync(cli, 0o755);
    const skipped: SDKWarning[] = [];
    createSubprocessTransport({
      cliPath: cli,
      env: { CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK: '1' },
      onWarning: (w) => skipped.push(w),
    });
    // The probe is cached per CLI path: had the first transport probed, its warning would be
    // delivered before this one's.
    const warning = await new Promise<SDKWarning>((resolve) =>
      createSubprocessTransport({ cliPath: cli, onWarning: resolve }),
    );
    expect(warning.code).toBe('CLI_VERSION');
    expect(skipped).toEqual([]);
  });
});
